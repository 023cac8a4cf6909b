package io.aidos.core.internal.jobs;

import java.time.Instant;

/** A row of the jobs table; {@code orgId} is the organization whose resources the job reads and writes. */
public record JobRecord(String id, String kind, String spec, JobStatus status, int attempts, int maxAttempts,
                        String workerId, Instant leaseUntil, boolean cancelRequested, String result, String error,
                        Instant createdAt, Instant startedAt, Instant finishedAt, String orgId) {
}
