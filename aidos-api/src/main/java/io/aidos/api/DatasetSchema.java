package io.aidos.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ordered columns of a dataset version. Immutable. */
public final class DatasetSchema {
    private final List<Column> columns;
    private final Map<String, Integer> indexByName;

    public DatasetSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (indexByName.putIfAbsent(this.columns.get(i).name(), i) != null) {
                throw new InvalidInputException("column", this.columns.get(i).name(), "appears twice in the header");
            }
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The column's position, or -1. */
    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    public Optional<Column> column(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetSchema other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
