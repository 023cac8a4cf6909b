package io.aidos.core.internal.tracking;

import io.aidos.api.RunStatus;
import java.time.Instant;

/** A row of the runs table. */
record RunRecord(String runId, long experimentId, String name, RunStatus status, Instant startTime, Instant endTime) {
}
