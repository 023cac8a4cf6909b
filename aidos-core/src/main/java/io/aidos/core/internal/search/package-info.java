/** MLflow-style run search: a hand-written parser and a translator to parameterised SQL. Internal. */
package io.aidos.core.internal.search;
