package io.aidos.api;

/** The inferred type of a dataset column. Nulls are allowed in every type. */
public enum ColumnType {
    /** 64-bit integers. */
    LONG,
    /** Double-precision numbers (NaN and infinities included). */
    DOUBLE,
    /** {@code true} / {@code false} (case-insensitive on import). */
    BOOLEAN,
    /** Anything else, as UTF-8 text. */
    STRING;

    public boolean isNumeric() {
        return this == LONG || this == DOUBLE;
    }
}
