/** Evaluation of a trained model on the validation rows: the metrics logged to its run and the confusion matrix. */
package io.aidos.training.internal.eval;
