package io.aidos.serving.internal.deploy;

import io.aidos.api.Batching;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded copy of a model with a bounded queue. A request first takes a slot ({@link #tryAcquire}): at most
 * {@code maxConcurrency} run at once and {@code queueCapacity} more wait. Draining refuses new slots and closes the
 * model when the last slot is released, so a request that got a slot always runs on an open model.
 */
final class Replica {
    /** The drain flag lives in the same atomic as the slot count, so "not draining" and "took a slot" are one step. */
    private static final int DRAINING = 1 << 30;

    private final String id;
    private final Predictor predictor;
    private final int capacity;
    private final Semaphore running;
    private final Batcher batcher;
    private final AtomicInteger state = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClosed;

    Replica(String id, Predictor predictor, int maxConcurrency, int queueCapacity, Batching batching,
            Arrivals arrivals, Runnable onClosed) {
        this.id = id;
        this.predictor = predictor;
        this.capacity = maxConcurrency + queueCapacity;
        this.running = new Semaphore(maxConcurrency);
        this.batcher = batching.enabled() ? new Batcher(id, predictor, batching, arrivals) : null;
        this.onClosed = onClosed;
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

    /** Runs {@code rows} in a slot taken with {@link #tryAcquire}, and gives the slot back. */
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
                return predictor.predictAll(rows);
            } finally {
                running.release();
            }
        } finally {
            if (state.decrementAndGet() == DRAINING) {
                close();
            }
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
