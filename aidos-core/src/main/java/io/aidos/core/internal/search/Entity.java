package io.aidos.core.internal.search;

import java.util.List;
import java.util.Locale;

/**
 * What the part before the first dot of {@code metrics.accuracy} names, with MLflow's aliases, and where its
 * values live in the store. Table and column names here are the only ones the search puts into SQL text.
 */
enum Entity {
    METRIC(List.of("metrics", "metric"), "latest_metrics", "metric_key", "metric_value"),
    PARAM(List.of("params", "param"), "params", "param_key", "param_value"),
    TAG(List.of("tags", "tag"), "run_tags", "tag_key", "tag_value"),
    /** Columns of {@code runs}; see {@link Attribute}. No key table. */
    ATTRIBUTE(List.of("attributes", "attribute", "attr", "run"), null, null, null);

    /** For error messages. */
    static final String ALLOWED = "metrics., params., tags. or attributes.";

    private final List<String> prefixes;
    private final String table;
    private final String keyColumn;
    private final String valueColumn;

    Entity(List<String> prefixes, String table, String keyColumn, String valueColumn) {
        this.prefixes = prefixes;
        this.table = table;
        this.keyColumn = keyColumn;
        this.valueColumn = valueColumn;
    }

    /** The entity a prefix such as {@code metrics} or {@code attr} names (case-insensitive), or null. */
    static Entity byPrefix(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        for (Entity entity : values()) {
            if (entity.prefixes.contains(lower)) {
                return entity;
            }
        }
        return null;
    }

    /** The canonical prefix, as shown in messages: {@code metrics}, {@code params}, ... */
    String prefix() {
        return prefixes.get(0);
    }

    String table() {
        return table;
    }

    String keyColumn() {
        return keyColumn;
    }

    String valueColumn() {
        return valueColumn;
    }
}
