package io.aidos.core.internal.registry;

import java.util.List;

/**
 * A live model version with what MLflow shows of it.
 *
 * @param source       the MLflow source URI it was created with; for versions registered through the AI-DOS API,
 *                     {@code runs:/<run id>/<artifact path>}
 * @param artifactPath the path inside the run that AI-DOS loads the model from
 * @param createdAt    epoch milliseconds
 * @param updatedAt    epoch milliseconds
 * @param aliases      the aliases pointing at this version
 */
public record StoredVersion(String modelName, int version, String runId, String source, String artifactPath,
                            String description, long createdAt, long updatedAt, List<String> aliases) {
    public StoredVersion {
        aliases = List.copyOf(aliases);
    }
}
