package io.aidos.api;

import java.util.Objects;

/** One column of a dataset schema. */
public record Column(String name, ColumnType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
