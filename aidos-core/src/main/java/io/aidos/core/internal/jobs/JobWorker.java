package io.aidos.core.internal.jobs;

import io.aidos.api.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims and runs jobs of the kinds it has handlers for, {@code parallelism} at a time. A heartbeat renews the
 * leases of running jobs and looks for cancellation requests at least every second; a job whose lease was lost or
 * that was cancelled is flagged ({@link JobContext#shouldStop()}) and a lost job's outcome is not recorded (its new
 * owner's is). Threads are not interrupted: an interrupt during H2 file I/O closes the embedded database's file
 * channel, and with it the database.
 */
public final class JobWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final String workerId;
    private final Map<String, JobHandler> handlers;
    private final Duration lease;
    private final Duration poll;
    private final ExecutorService runners;
    private final ScheduledExecutorService heartbeat;
    private final Map<String, JobContext> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final java.util.concurrent.Semaphore wakeups = new java.util.concurrent.Semaphore(0, true);

    public JobWorker(JobQueue queue, String workerId, Map<String, JobHandler> handlers, int parallelism,
                     Duration lease, Duration poll) {
        if (parallelism < 1 || parallelism > 256) {
            throw new InvalidInputException("parallelism", parallelism, "must be between 1 and 256");
        }
        this.queue = queue;
        this.workerId = workerId;
        this.handlers = Map.copyOf(handlers);
        this.lease = lease;
        this.poll = poll;
        this.runners = Executors.newFixedThreadPool(parallelism, named("aidos-job-" + workerId));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(named("aidos-job-heartbeat-" + workerId));
        // Renews leases well before they run out, and looks for cancel requests at least every second.
        long every = Math.max(10, Math.min(1000, lease.toMillis() / 3));
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < parallelism; i++) {
            runners.submit(this::loop);
        }
    }

    public String workerId() {
        return workerId;
    }

    private void loop() {
        List<String> kinds = List.copyOf(handlers.keySet());
        while (!stopping) {
            Optional<JobRecord> job;
            try {
                job = queue.claim(workerId, kinds, lease);
            } catch (RuntimeException e) {
                LOG.warn("worker {} could not claim a job: {}", workerId, e.getMessage());
                job = Optional.empty();
            }
            if (job.isEmpty()) {
                idle(poll);
                continue;
            }
            run(job.get());
        }
    }

    private void run(JobRecord job) {
        JobContext context = new JobContext(queue, job);
        running.put(job.id(), context);
        try {
            String result = handlers.get(job.kind()).run(context);
            if (context.cancelled()) {
                queue.cancelled(job.id(), workerId);
            } else if (!queue.succeed(job.id(), workerId, result)) {
                LOG.warn("job {} finished on worker {} after its lease was lost; its new owner's outcome stands",
                        job.id(), workerId);
            }
        } catch (Exception | Error e) {
            if (context.cancelled()) {
                queue.cancelled(job.id(), workerId);
            } else if (context.workerStopping() && !context.lost()) {
                queue.release(job.id(), workerId); // stopped for the shutdown: queued again, no attempt used
            } else if (!context.lost()) {
                boolean retry = !(e instanceof InvalidInputException) && !(e instanceof Error);
                queue.fail(job.id(), workerId, e.getClass().getSimpleName() + ": " + e.getMessage(), retry);
            }
        } finally {
            running.remove(job.id());
        }
    }

    private void beat() {
        for (Map.Entry<String, JobContext> e : running.entrySet()) {
            JobContext context = e.getValue();
            try {
                if (!queue.heartbeat(e.getKey(), workerId, lease)) {
                    context.markLost();
                } else if (!context.cancelled() && queue.cancelRequested(e.getKey())) {
                    context.markCancelled();
                }
            } catch (RuntimeException ex) {
                LOG.warn("heartbeat of job {} failed: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    /**
     * Tells idle runners that a job was just submitted in this process, so they claim it now rather than at their
     * next poll. Jobs from other processes are found by polling.
     */
    public void wake() {
        int idle = wakeups.getQueueLength();
        if (idle > 0) {
            wakeups.release(idle);
        }
    }

    private void idle(Duration d) {
        try {
            wakeups.drainPermits();
            wakeups.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /**
     * Stops claiming and asks running jobs to stop ({@link JobContext#shouldStop()}); a job that stops early is
     * queued again for any worker. Waits up to the lease, then interrupts what still runs.
     */
    @Override
    public void close() {
        stopping = true;
        running.values().forEach(JobContext::markWorkerStopping); // handlers that check stop soon, and are requeued
        runners.shutdown();
        try {
            if (!runners.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS)) {
                runners.shutdownNow();
                runners.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heartbeat.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
