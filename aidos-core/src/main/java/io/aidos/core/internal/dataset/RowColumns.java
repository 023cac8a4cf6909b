package io.aidos.core.internal.dataset;

import io.aidos.api.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Columns of map-shaped rows: the first row's keys in order, then keys first seen in later rows. */
final class RowColumns {
    private final Set<String> names = new LinkedHashSet<>();

    void add(Map<String, ?> row) {
        for (String key : row.keySet()) {
            if (key == null) {
                throw new InvalidInputException("column name", null, "must not be null");
            }
            names.add(key);
        }
    }

    List<String> names() {
        return new ArrayList<>(names);
    }

    static Object[] values(List<String> columns, Map<String, ?> row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(columns.get(i));
        }
        return values;
    }
}
