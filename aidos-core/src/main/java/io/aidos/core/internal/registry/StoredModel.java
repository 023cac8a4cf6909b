package io.aidos.core.internal.registry;

import java.util.Map;

/**
 * A registered model with what MLflow shows of it.
 *
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 * @param aliases   alias to version number
 */
public record StoredModel(long id, String name, String description, long createdAt, long updatedAt,
                          Map<String, Integer> aliases) {
    public StoredModel {
        aliases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aliases));
    }
}
