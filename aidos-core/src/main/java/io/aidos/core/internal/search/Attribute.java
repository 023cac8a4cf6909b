package io.aidos.core.internal.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The columns of {@code runs} a search may filter and sort on, as {@code attributes.<name>}. */
enum Attribute {
    STATUS("status", false, false),
    RUN_NAME("run_name", false, false),
    RUN_ID("run_id", false, false),
    /** Epoch milliseconds. */
    START_TIME("start_time", true, false),
    /** Epoch milliseconds; null while a run is still running. */
    END_TIME("end_time", true, true);

    /** For error messages. */
    static final String ALLOWED = Arrays.stream(values()).map(Attribute::column).collect(Collectors.joining(", "));

    private final String column;
    private final boolean numeric;
    private final boolean nullable;

    Attribute(String column, boolean numeric, boolean nullable) {
        this.column = column;
        this.numeric = numeric;
        this.nullable = nullable;
    }

    /** The attribute with this name (case-insensitive), or null. */
    static Attribute named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Attribute attribute : values()) {
            if (attribute.column.equals(lower)) {
                return attribute;
            }
        }
        return null;
    }

    /** The column in {@code runs}; also the name users write. */
    String column() {
        return column;
    }

    boolean numeric() {
        return numeric;
    }

    boolean nullable() {
        return nullable;
    }
}
