/** Classic ML through Tribuo 4.3: linear models, trees and forests, XGBoost, k-means, one-class SVM. */
package io.aidos.training.internal.tribuo;
