package io.aidos.core.internal.tracking;

import io.aidos.api.RunStatus;

/**
 * A run as stored, in any lifecycle stage, for the server's MLflow API.
 *
 * @param startTime      epoch milliseconds
 * @param endTime        epoch milliseconds, or null while none is set
 * @param lifecycleStage {@code active} or {@code deleted}
 */
public record StoredRun(String runId, long experimentId, String name, RunStatus status, long startTime, Long endTime,
                        String lifecycleStage) {
}
