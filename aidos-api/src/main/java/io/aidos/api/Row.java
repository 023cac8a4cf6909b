package io.aidos.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of a dataset version: values typed per the schema ({@code Long}, {@code Double}, {@code Boolean},
 * {@code String}) or null. Immutable. */
public final class Row {
    private final DatasetSchema schema;
    private final Object[] values;

    public Row(DatasetSchema schema, Object[] values) {
        if (values.length != schema.size()) {
            throw new InvalidInputException("row", values.length + " values", "must have " + schema.size() + " values");
        }
        this.schema = schema;
        this.values = values.clone();
    }

    public DatasetSchema schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    public Object get(int index) {
        return values[index];
    }

    public Object get(String column) {
        return values[indexOf(column)];
    }

    public boolean isNull(String column) {
        return get(column) == null;
    }

    /** The value as a double (numbers and booleans); null stays null. */
    public Double getDouble(String column) {
        Object v = get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        throw new InvalidInputException("column", column, "is of type " + schema.column(indexOf(column)).type()
                + ", not numeric");
    }

    public String getString(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    /** Column name to value, in schema order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(schema.column(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    private int indexOf(String column) {
        int i = schema.indexOf(column);
        if (i < 0) {
            throw new InvalidInputException("column", column, "is not in the schema " + schema.names());
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && schema.equals(other.schema) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
