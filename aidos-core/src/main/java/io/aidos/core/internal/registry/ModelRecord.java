package io.aidos.core.internal.registry;

import java.time.Instant;

/** A row of the registered_models table. */
record ModelRecord(long id, String name, Instant createdAt) {
}
