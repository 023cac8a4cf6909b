package io.aidos.core.internal.jobs;

import java.time.Instant;

/** A row of the jobs table. */
public record JobRecord(String id, String kind, String spec, JobStatus status, int attempts, int maxAttempts,
                        String workerId, Instant leaseUntil, boolean cancelRequested, String result, String error,
                        Instant createdAt, Instant startedAt, Instant finishedAt) {
}
