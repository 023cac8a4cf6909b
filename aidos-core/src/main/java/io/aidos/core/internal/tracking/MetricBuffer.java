package io.aidos.core.internal.tracking;

import io.aidos.spi.Arguments;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * Points logged to one run and not yet written, in columnar arrays (no object per point). Appends are cheap and
 * synchronized. Writes of one run run one after another on its lane ({@link #tail}), so {@code flush()} waits for
 * every earlier write; each write takes what is buffered when it starts, points restored after a failure included.
 */
final class MetricBuffer {
    private static final int MAX_CACHED_KEYS = 10_000;

    /** What {@link #add} asks of the caller. */
    enum Signal { NONE, SCHEDULE_WRITE, WAIT }

    final String runId;
    /** Guards {@link #tail}. */
    final Object lane = new Object();
    /** The last write queued for this run. */
    CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private final int capacity;
    private final Set<String> validKeys = ConcurrentHashMap.newKeySet();
    private String[] keys;
    private double[] values;
    private long[] steps;
    private long[] timestamps;
    private int size;
    private boolean writeQueued;

    MetricBuffer(String runId, int capacity) {
        this.runId = runId;
        this.capacity = capacity;
        allocate(Math.min(capacity, 1024));
    }

    /** The last key that passed, to skip even the set lookup when a loop logs one name. */
    private volatile String lastKey;

    /** Validates the key once per distinct key: the hot path is an identity check or a set lookup. */
    String checkKey(String key) {
        if (key != null && key == lastKey) {
            return key;
        }
        if (key == null || !validKeys.contains(key)) {
            Arguments.key("metric name", key);
            if (validKeys.size() < MAX_CACHED_KEYS) {
                validKeys.add(key);
            }
        }
        lastKey = key;
        return key;
    }

    /**
     * Appends a point. Asks for a write once per full batch, and asks the caller to wait when the writer falls
     * four batches behind, so memory stays bounded when the database is slower than the logger.
     */
    synchronized Signal add(String key, double value, long step, long timestamp) {
        if (size == keys.length) {
            grow();
        }
        keys[size] = key;
        values[size] = value;
        steps[size] = step;
        timestamps[size] = timestamp;
        size++;
        if (size >= 4 * capacity) {
            return Signal.WAIT;
        }
        if (size >= capacity && !writeQueued) {
            writeQueued = true;
            return Signal.SCHEDULE_WRITE;
        }
        return Signal.NONE;
    }

    /** Claims the periodic write of a non-empty buffer, unless one is queued already. */
    synchronized boolean claimIdleWrite() {
        if (size == 0 || writeQueued) {
            return false;
        }
        writeQueued = true;
        return true;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    /** Takes everything buffered, or null when empty. */
    synchronized MetricBatch drain() {
        writeQueued = false;
        if (size == 0) {
            return null;
        }
        MetricBatch batch = new MetricBatch(runId, keys, values, steps, timestamps, size);
        // A busy run gets room for its next batch at once; a quiet one keeps a small buffer.
        allocate(Math.min(capacity, Math.max(1024, size)));
        return batch;
    }

    /** Puts back a batch whose write failed, ahead of anything logged since, so nothing is lost. */
    synchronized void restore(MetricBatch failed) {
        MetricBatch newer = new MetricBatch(runId, keys, values, steps, timestamps, size);
        allocate(failed.size() + newer.size() + 16);
        for (MetricBatch b : new MetricBatch[] {failed, newer}) {
            System.arraycopy(b.keys(), 0, keys, size, b.size());
            System.arraycopy(b.values(), 0, values, size, b.size());
            System.arraycopy(b.steps(), 0, steps, size, b.size());
            System.arraycopy(b.timestamps(), 0, timestamps, size, b.size());
            size += b.size();
        }
    }

    private void grow() {
        int n = keys.length * 2;
        keys = java.util.Arrays.copyOf(keys, n);
        values = java.util.Arrays.copyOf(values, n);
        steps = java.util.Arrays.copyOf(steps, n);
        timestamps = java.util.Arrays.copyOf(timestamps, n);
    }

    private void allocate(int n) {
        keys = new String[n];
        values = new double[n];
        steps = new long[n];
        timestamps = new long[n];
        size = 0;
    }
}
