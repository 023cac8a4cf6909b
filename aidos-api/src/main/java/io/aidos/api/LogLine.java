package io.aidos.api;

import java.time.Instant;

/** One stored line of a job's log; {@code seq} counts from 1. */
public record LogLine(long seq, Instant time, String line) {
}
