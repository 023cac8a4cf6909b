package io.aidos.serving.internal.stats;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Requests, errors, rejections and latencies of one variant: totals since start, and a sliding window that
 * automatic rollback judges a canary by.
 *
 * <p>The window is split into {@value #SLOTS} slots of {@code window / SLOTS} each; {@link #window()} sums the
 * slot being filled and the {@code SLOTS - 1} before it, so it covers between 90% and 100% of {@code window}, never
 * more. Latencies of failures are recorded with those of successes; rejections (turned away before running) have
 * no latency and are counted only in the totals.
 *
 * <p>Thread-safe and lock-free on the record path: a few {@link LongAdder} and atomic-array increments; once per
 * slot, the first record of a new slot swaps a fresh slot in with a compare-and-set (an 8 KiB allocation).
 */
public final class RequestRecorder {
    static final int SLOTS = 10;

    private final long slotNanos;
    private final LongSupplier nanoClock;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final LatencyHistogram total = new LatencyHistogram();
    /** One spare slot, so the slot being replaced is never one the window still counts. */
    private final AtomicReferenceArray<WindowSlot> ring = new AtomicReferenceArray<>(SLOTS + 1);

    public RequestRecorder(Duration window, LongSupplier nanoClock) {
        if (window == null || window.isNegative() || window.toNanos() < SLOTS) {
            throw new IllegalArgumentException("window must be at least " + SLOTS + " ns but was " + window);
        }
        if (nanoClock == null) {
            throw new IllegalArgumentException("nanoClock must not be null");
        }
        this.slotNanos = window.toNanos() / SLOTS;
        this.nanoClock = nanoClock;
        for (int i = 0; i < ring.length(); i++) {
            ring.set(i, new WindowSlot(Long.MIN_VALUE));
        }
    }

    public void success(long latencyNanos) {
        requests.increment();
        this.latencyNanos.add(latencyNanos);
        total.record(latencyNanos);
        currentSlot().latencies.record(latencyNanos);
    }

    public void failure(long latencyNanos) {
        requests.increment();
        errors.increment();
        this.latencyNanos.add(latencyNanos);
        total.record(latencyNanos);
        WindowSlot slot = currentSlot();
        slot.latencies.record(latencyNanos);
        slot.errors.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    /** Successes and failures since start. */
    public long requests() {
        return requests.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long rejectedCount() {
        return rejected.sum();
    }

    /** The latencies of all successes and failures since start, added up. */
    public long latencySumNanos() {
        return latencyNanos.sum();
    }

    /** A copy of the latencies since start, taken now; later records do not change it. */
    public LatencyHistogram total() {
        LatencyHistogram copy = new LatencyHistogram();
        total.addTo(copy);
        return copy;
    }

    /** Requests, errors and p99 latency over the last window (see the class comment for its exact span). */
    public WindowSnapshot window() {
        long now = epochAt(nanoClock.getAsLong());
        LatencyHistogram merged = new LatencyHistogram();
        long errorCount = 0;
        for (int i = 0; i < ring.length(); i++) {
            WindowSlot slot = ring.get(i);
            if (slot.epoch <= now && slot.epoch > now - SLOTS) {
                slot.latencies.addTo(merged);
                errorCount += slot.errors.sum();
            }
        }
        long requestCount = merged.count();
        // A failure recorded while this reads may show in a slot's errors but not yet in its latencies.
        return new WindowSnapshot(requestCount, Math.min(errorCount, requestCount), merged.percentileNanos(99));
    }

    private WindowSlot currentSlot() {
        return slotFor(epochAt(nanoClock.getAsLong()));
    }

    private WindowSlot slotFor(long epoch) {
        int index = (int) Math.floorMod(epoch, (long) ring.length());
        WindowSlot slot = ring.get(index);
        while (slot.epoch < epoch) {
            WindowSlot fresh = new WindowSlot(epoch);
            if (ring.compareAndSet(index, slot, fresh)) {
                return fresh;
            }
            slot = ring.get(index);
        }
        // slot.epoch > epoch only for a caller whose clock reading is a whole ring old: count it as recent.
        return slot;
    }

    private long epochAt(long nanos) {
        return Math.floorDiv(nanos, slotNanos);
    }
}
