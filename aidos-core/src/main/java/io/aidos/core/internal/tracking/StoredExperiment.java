package io.aidos.core.internal.tracking;

import java.util.Map;

/**
 * An experiment as stored, in any lifecycle stage, for the server's MLflow API.
 *
 * @param lifecycleStage {@code active} or {@code deleted}
 * @param createdAt      epoch milliseconds
 * @param updatedAt      epoch milliseconds
 */
public record StoredExperiment(long id, String name, String lifecycleStage, long createdAt, long updatedAt,
                               Map<String, String> tags) {
    public StoredExperiment {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }
}
