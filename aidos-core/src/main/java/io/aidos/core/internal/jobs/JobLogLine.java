package io.aidos.core.internal.jobs;

import java.time.Instant;

/** One stored log line of a job; {@code seq} counts from 1. */
public record JobLogLine(long seq, Instant time, String line) {
}
