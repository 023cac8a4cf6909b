package io.aidos.api;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** A stored training or tuning job. Every call reads the store, so a handle never goes stale. */
public interface Job {

    String id();

    /** {@code train} or {@code tune}. */
    String kind();

    JobStatus status();

    /** Why the job failed or was cancelled; null otherwise. */
    String error();

    /** 1 on the first run, higher after a worker was lost or a retryable error. */
    int attempts();

    Instant createdAt();

    /** When a worker first started it; null while queued. */
    Instant startedAt();

    /** Null until the job has ended. */
    Instant finishedAt();

    /**
     * Follows the job's log: the lines so far, then new ones as they are written, ending when the job ends. Close
     * the stream (or stop consuming) to stop following early.
     */
    Stream<String> logs();

    /** The stored log lines after {@code afterSeq} (0 for all), without waiting. */
    List<LogLine> logLines(long afterSeq);

    /**
     * Asks the job to stop: a queued job is cancelled at once, a running one stops at its next check (DJL jobs write
     * a checkpoint first). Returns the status after the request.
     */
    JobStatus cancel();
}
