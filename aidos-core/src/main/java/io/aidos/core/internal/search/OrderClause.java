package io.aidos.core.internal.search;

/** One parsed order-by clause such as {@code metrics.accuracy DESC}. */
record OrderClause(Target target, boolean ascending) {
}
