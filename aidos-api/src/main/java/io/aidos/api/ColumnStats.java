package io.aidos.api;

/**
 * Summary of one column: non-null count, nulls, distinct non-null values, and min/max (numbers for numeric
 * columns, text for strings, booleans for booleans), mean for numeric columns (null otherwise).
 */
public record ColumnStats(String name, ColumnType type, long count, long nulls, long distinct,
                          Object min, Object max, Double mean) {
}
