package io.aidos.core.internal.tracking;

import java.time.Instant;

/** A row of the experiments table. */
record ExperimentRecord(long id, String name, Instant createdAt) {
}
