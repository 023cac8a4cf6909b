package io.aidos.api;

import java.time.Instant;

/** One registered version of a model: which run's artifact it is. Immutable. */
public record ModelVersion(String modelName, int version, String runId, String artifactPath, Instant createdAt) {
}
