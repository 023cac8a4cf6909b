package io.aidos.core.internal.jobs;

/** What a running job's handler sees: its spec, a log, and whether it should stop. */
public final class JobContext {
    private final JobQueue queue;
    private final JobRecord job;
    private boolean cancelled; // guarded by this: see beginCompleting
    private boolean completing;
    private volatile boolean lost;
    private volatile boolean workerStopping;

    JobContext(JobQueue queue, JobRecord job) {
        this.queue = queue;
        this.job = job;
    }

    public String id() {
        return job.id();
    }

    /** The organization the job belongs to: its handler works in that organization's view of the store. */
    public String orgId() {
        return job.orgId();
    }

    public String spec() {
        return job.spec();
    }

    /** 1 on the first run, 2 on the first retry, ... */
    public int attempt() {
        return job.attempts();
    }

    /** How many attempts the job has in all; the last one should record its failure for good. */
    public int maxAttempts() {
        return job.maxAttempts();
    }

    /** Stores a log line that {@code logs()} followers see at once. */
    public void log(String line) {
        queue.log(job.id(), line);
    }

    /**
     * True once cancellation was requested, the lease was lost, or the worker is shutting down: the handler should
     * stop soon. Only {@link #cancelled()} means the job is over; otherwise it goes on elsewhere or later.
     */
    public boolean shouldStop() {
        return cancelled() || lost || workerStopping;
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /**
     * Called by a handler about to record its results: from now on a cancel request is too late and is ignored, so
     * the job cannot end CANCELLED after its results were stored. False if it was cancelled already.
     */
    public synchronized boolean beginCompleting() {
        completing = true;
        return !cancelled;
    }

    synchronized void markCancelled() {
        if (!completing) {
            cancelled = true;
        }
    }

    void markWorkerStopping() {
        workerStopping = true;
    }

    boolean workerStopping() {
        return workerStopping;
    }

    void markLost() {
        lost = true;
    }

    boolean lost() {
        return lost;
    }
}
