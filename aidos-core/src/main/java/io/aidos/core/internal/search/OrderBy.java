package io.aidos.core.internal.search;

/** One order-by clause. */
record OrderBy(Field field, boolean descending) {
}
