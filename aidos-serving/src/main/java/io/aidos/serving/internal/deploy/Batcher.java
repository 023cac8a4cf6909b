package io.aidos.serving.internal.deploy;

import io.aidos.api.Batching;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Dynamic batching for one replica, as DJL Serving and Triton do it: one thread takes the first waiting request,
 * gathers more until {@code maxBatchSize} rows or {@code maxDelay} after the first, and predicts them in one call.
 * It waits only while more requests are on their way ({@link Arrivals}): with nothing queued and nothing being read,
 * it runs what it has at once, so a lone request is not held for {@code maxDelay}, and under load the batch is what
 * gathered while the model was busy. The replica's slots bound the queue, so it needs no bound of its own.
 *
 * <p>Up to {@code concurrency} batches run at once (leader and followers): one thread gathers the next batch while
 * the others predict theirs, so a model that keeps a core busy per call uses as many cores as there are threads. The
 * replica sets it to its {@code maxConcurrency}, at most one per core: more batches than cores would only split the
 * rows into smaller batches that take turns on the same cores.
 */
final class Batcher implements AutoCloseable {
    private record Pending(List<? extends Map<String, ?>> rows, CompletableFuture<List<Prediction>> answer) {
    }

    private static final Pending STOP = new Pending(List.of(), null);
    /** How often a waiting batcher looks again whether requests are still on their way. */
    private static final long RECHECK_NANOS = 50_000;

    private final Predictor predictor;
    private final int maxRows;
    private final long maxDelayNanos;
    private final Arrivals arrivals;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Held by the one thread gathering the next batch; the others are predicting or waiting their turn. */
    private final ReentrantLock gathering = new ReentrantLock();

    Batcher(String replicaId, Predictor predictor, Batching batching, Arrivals arrivals, int concurrency) {
        this.predictor = predictor;
        this.arrivals = arrivals;
        this.maxRows = batching.maxBatchSize();
        this.maxDelayNanos = batching.maxDelay().toNanos();
        for (int i = 1; i <= concurrency; i++) {
            Thread t = new Thread(this::loop, "aidos-batcher-" + replicaId + "-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Queues {@code rows} for a batch and waits for their answer. */
    List<Prediction> submit(List<? extends Map<String, ?>> rows) {
        try {
            return enqueue(rows).get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while waiting for a batch", e);
        }
    }

    /** Queues {@code rows} for a batch; the thread that predicts the batch completes the answer. */
    CompletableFuture<List<Prediction>> enqueue(List<? extends Map<String, ?>> rows) {
        CompletableFuture<List<Prediction>> answer = new CompletableFuture<>();
        queue.add(new Pending(rows, answer));
        return answer;
    }

    /** Requests queued for the next batch (not the stop marker a stopped batcher leaves for its threads). */
    int waiting() {
        return (int) queue.stream().filter(p -> p != STOP).count();
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                gathering.lockInterruptibly();
                try {
                    if (!gather(batch)) {
                        return;
                    }
                } finally {
                    gathering.unlock();
                }
                predict(batch);
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Fills {@code batch} with the first waiting request and what joins it; false once stopped. */
    private boolean gather(List<Pending> batch) throws InterruptedException {
        Pending first = queue.take();
        if (first == STOP) {
            queue.add(STOP); // for the next thread
            return false;
        }
        batch.add(first);
        int rows = first.rows().size();
        long deadline = System.nanoTime() + maxDelayNanos;
        while (rows < maxRows) {
            Pending next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || arrivals.none()) {
                    break;
                }
                next = queue.poll(Math.min(left, RECHECK_NANOS), TimeUnit.NANOSECONDS);
                if (next == null) {
                    continue;
                }
            }
            if (next == STOP) {
                queue.add(STOP); // finish this batch, then stop
                break;
            }
            batch.add(next);
            rows += next.rows().size();
        }
        return true;
    }

    private void predict(List<Pending> batch) {
        if (batch.size() == 1) {
            Pending only = batch.get(0);
            complete(only, () -> predictor.predictAll(only.rows()));
            return;
        }
        List<Map<String, ?>> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.rows()));
        List<Prediction> out;
        try {
            out = predictor.predictAll(all);
        } catch (RuntimeException e) {
            // One bad row fails the whole call: answer each request on its own so only the bad one fails.
            batch.forEach(p -> complete(p, () -> predictor.predictAll(p.rows())));
            return;
        }
        int from = 0;
        for (Pending p : batch) {
            int to = from + p.rows().size();
            p.answer().complete(out.subList(from, to));
            from = to;
        }
    }

    private static void complete(Pending p, java.util.function.Supplier<List<Prediction>> work) {
        try {
            p.answer().complete(work.get());
        } catch (RuntimeException | Error e) {
            p.answer().completeExceptionally(e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new CompletionException(cause);
    }

    /** Answers what is queued, then stops the thread. */
    @Override
    public void close() {
        queue.add(STOP);
    }
}
