package io.aidos.core.internal.tracking;

import io.aidos.spi.Arguments;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Points logged to one run and not yet written, in columnar arrays (no object per point). Appends are cheap and
 * synchronized; {@link #writeLock} serializes writers so {@code flush()} returns only after every earlier point
 * — including those a concurrent writer took — is in the database.
 */
final class MetricBuffer {
    private static final int MAX_CACHED_KEYS = 10_000;

    final String runId;
    final ReentrantLock writeLock = new ReentrantLock();
    private final int capacity;
    private final Set<String> validKeys = ConcurrentHashMap.newKeySet();
    private String[] keys;
    private double[] values;
    private long[] steps;
    private long[] timestamps;
    private int size;

    MetricBuffer(String runId, int capacity) {
        this.runId = runId;
        this.capacity = capacity;
        allocate(Math.min(capacity, 1024));
    }

    /** Validates the key once per distinct key: the hot path stays a set lookup. */
    String checkKey(String key) {
        if (key == null || !validKeys.contains(key)) {
            Arguments.key("metric name", key);
            if (validKeys.size() < MAX_CACHED_KEYS) {
                validKeys.add(key);
            }
        }
        return key;
    }

    /** Appends a point; true when the buffer reached its batch size and should be written. */
    synchronized boolean add(String key, double value, long step, long timestamp) {
        if (size == keys.length) {
            grow();
        }
        keys[size] = key;
        values[size] = value;
        steps[size] = step;
        timestamps[size] = timestamp;
        size++;
        return size >= capacity;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    /** Takes everything buffered, or null when empty. */
    synchronized MetricBatch drain() {
        if (size == 0) {
            return null;
        }
        MetricBatch batch = new MetricBatch(runId, keys, values, steps, timestamps, size);
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
