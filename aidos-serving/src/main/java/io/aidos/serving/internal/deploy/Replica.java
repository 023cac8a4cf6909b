package io.aidos.serving.internal.deploy;

import io.aidos.api.Batching;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded copy of a model with a bounded queue. A request first takes a slot ({@link #tryAcquire}): at most
 * {@code maxConcurrency} run at once and {@code queueCapacity} more wait. Draining refuses new slots and closes the
 * model when the last slot is released, so a request that got a slot always runs on an open model.
 *
 * <p>{@link #run} blocks its caller (in-process {@code predict}); {@link #submit} never waits (the HTTP routes): a
 * fast model with a free place runs on the caller's thread, because handing a sub-millisecond call to another
 * thread costs more than the call; a slow model, or one whose places are taken, runs on the replica's own threads,
 * and batched requests on the batcher's ({@link #batchConcurrency} of them), so a small HTTP thread pool still admits
 * and queues every request.
 */
final class Replica {
    /** The drain flag lives in the same atomic as the slot count, so "not draining" and "took a slot" are one step. */
    private static final int DRAINING = 1 << 30;
    /** Models whose calls average less than this run on the thread that submits them. */
    static final long INLINE_NANOS = 200_000;

    private final String id;
    private final Predictor predictor;
    private final int capacity;
    private final Semaphore running;
    private final Batcher batcher;
    private final AtomicInteger state = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClosed;
    private final int maxConcurrency;
    /** Average model call time (a moving average over about 8 calls); -1 until the first call. */
    private volatile long callNanos = -1;
    private ExecutorService workers; // created on the first request that needs them

    Replica(String id, Predictor predictor, int maxConcurrency, int queueCapacity, Batching batching,
            Arrivals arrivals, Runnable onClosed) {
        this.id = id;
        this.predictor = predictor;
        this.capacity = maxConcurrency + queueCapacity;
        this.running = new Semaphore(maxConcurrency);
        this.maxConcurrency = maxConcurrency;
        this.batcher = batching.enabled() ? new Batcher(id, predictor, batching, arrivals, batchConcurrency(
                maxConcurrency)) : null;
        this.onClosed = onClosed;
    }

    /** Batches a replica runs at once: its {@code maxConcurrency}, at most one per core (see {@link Batcher}). */
    static int batchConcurrency(int maxConcurrency) {
        return Math.min(maxConcurrency, Runtime.getRuntime().availableProcessors());
    }

    String id() {
        return id;
    }

    Predictor predictor() {
        return predictor;
    }

    /** Requests holding a slot (running or waiting). */
    int outstanding() {
        return state.get() & ~DRAINING;
    }

    /** Requests queued for the batcher's next batch (0 without batching). */
    int waitingForBatch() {
        return batcher == null ? 0 : batcher.waiting();
    }

    boolean draining() {
        return (state.get() & DRAINING) != 0;
    }

    /** Takes a slot, or false when draining or full. */
    boolean tryAcquire() {
        while (true) {
            int s = state.get();
            if ((s & DRAINING) != 0 || s >= capacity) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Runs {@code rows} in a slot taken with {@link #tryAcquire} on this thread, and gives the slot back. */
    List<Prediction> run(List<? extends Map<String, ?>> rows) {
        try {
            if (rows.isEmpty()) {
                return List.of();
            }
            if (batcher != null) {
                return batcher.submit(rows);
            }
            running.acquireUninterruptibly();
            try {
                return timed(rows);
            } finally {
                running.release();
            }
        } finally {
            release();
        }
    }

    /**
     * Answers {@code rows} in a slot taken with {@link #tryAcquire} without waiting for a place: completed already
     * when it ran on this thread (a fast model with a free place), else completed by the replica's or the batcher's
     * thread. The slot is given back when the answer is in.
     */
    CompletableFuture<List<Prediction>> submit(List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            release();
            return CompletableFuture.completedFuture(List.of());
        }
        if (batcher != null) {
            CompletableFuture<List<Prediction>> answer = batcher.enqueue(rows);
            answer.whenComplete((out, error) -> release());
            return answer;
        }
        long average = callNanos;
        if (average >= 0 && average < INLINE_NANOS && running.tryAcquire()) {
            try {
                return CompletableFuture.completedFuture(timed(rows));
            } catch (RuntimeException | Error e) {
                return CompletableFuture.failedFuture(e);
            } finally {
                running.release();
                release();
            }
        }
        CompletableFuture<List<Prediction>> answer = new CompletableFuture<>();
        workers().execute(() -> {
            running.acquireUninterruptibly();
            try {
                answer.complete(timed(rows));
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            } finally {
                running.release();
                release();
            }
        });
        return answer;
    }

    /** Calls the model and keeps the moving average of its call time. */
    private List<Prediction> timed(List<? extends Map<String, ?>> rows) {
        long start = System.nanoTime();
        List<Prediction> out = predictor.predictAll(rows);
        long took = System.nanoTime() - start;
        long average = callNanos;
        callNanos = average < 0 ? took : average + (took - average) / 8;
        return out;
    }

    private synchronized ExecutorService workers() {
        if (workers == null) {
            AtomicInteger n = new AtomicInteger();
            workers = Executors.newFixedThreadPool(maxConcurrency, task -> {
                Thread t = new Thread(task, "aidos-replica-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    /** Gives a slot back; the last one of a draining replica closes it. */
    private void release() {
        if (state.decrementAndGet() == DRAINING) {
            close();
        }
    }

    /** Stops taking requests; the model closes once the requests it holds are answered. */
    void drain() {
        int s;
        do {
            s = state.get();
            if ((s & DRAINING) != 0) {
                return;
            }
        } while (!state.compareAndSet(s, s | DRAINING));
        if (s == 0) {
            close();
        }
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                if (batcher != null) {
                    batcher.close();
                }
                synchronized (this) {
                    if (workers != null) {
                        workers.shutdown(); // idle: the last slot is given back only after its call
                    }
                }
                predictor.close();
            } finally {
                onClosed.run();
            }
        }
    }

    boolean closed() {
        return closed.get();
    }
}
