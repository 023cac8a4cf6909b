package io.aidos.serving.internal.scaling;

import io.aidos.api.Autoscaling;

/**
 * The replica count a variant should have, by Knative's pod autoscaler (KPA, {@code pkg/autoscaler/scaling}),
 * simplified to one process and the concurrency metric.
 *
 * <ol>
 * <li>Average the observed in-flight requests over {@code stableWindow} and over {@code panicWindow} (time-bucketed,
 *     buckets of {@code max(panicWindow / 10, stableWindow / 1000)}); divide each by {@code targetConcurrency},
 *     rounding up, for the stable and the panic count.</li>
 * <li>Rate limits: each count is kept within {@code [floor(ready / 2), ceil(ready * 10)]}, Knative's
 *     {@code maxScaleDownRate} 2 and {@code maxScaleUpRate} 10, with {@code ready} taken as at least 1.</li>
 * <li>Panic: when the unlimited panic count is at least twice the ready replicas (threshold 200%) it panics, and stays
 *     so until a full {@code stableWindow} has passed without that. While panicking it wants the larger of the two
 *     counts but never less than the most it wanted (or had ready) since the panic began: no scale-down.</li>
 * <li>Scale-down delay: the answer is the largest count wanted within the last {@code scaleDownDelay}, so a lower
 *     count takes effect only once every count wanted over the delay was at most it; a higher one at once. The
 *     delay also covers the start: the initial replicas count as wanted at construction.</li>
 * <li>Clamped to {@code [min, max]}. Before any observation within {@code stableWindow} the last answer stands (at
 *     first the initial replicas).</li>
 * </ol>
 * Every call to {@link #desiredReplicas} is a decision: it moves the panic state and the delay window, as Knative's
 * {@code Scale} does each tick. Thread-safe (synchronized; neither method is on the request path).
 */
public final class Autoscaler {
    static final double MAX_SCALE_UP_RATE = 10.0;
    static final double MAX_SCALE_DOWN_RATE = 2.0;
    static final double PANIC_THRESHOLD = 2.0;
    /** Absorbs rounding in the averages, so that 3 × 10.0000000001 in flight at target 10 does not ask for 4. */
    private static final double EPSILON = 1e-9;

    private final Autoscaling policy;
    private final long stableNanos;
    private final long panicNanos;
    private final WindowedAverage inFlight;
    private final SlidingMax delayWindow;
    private long panicSinceNanos;
    private boolean panicking;
    private int maxPanicReplicas;
    private int last;

    public Autoscaler(Autoscaling policy, int initialReplicas, long nowNanos) {
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        if (initialReplicas < 0) {
            throw new IllegalArgumentException("initialReplicas must be >= 0 but was " + initialReplicas);
        }
        this.policy = policy;
        this.stableNanos = policy.stableWindow().toNanos();
        this.panicNanos = policy.panicWindow().toNanos();
        long bucketNanos = Math.max(1, Math.max(panicNanos / 10, stableNanos / 1000));
        this.inFlight = new WindowedAverage(bucketNanos, Math.max(stableNanos, bucketNanos));
        long delayNanos = policy.scaleDownDelay().toNanos();
        this.delayWindow = delayNanos > 0 ? new SlidingMax(delayNanos) : null;
        this.last = clamp(initialReplicas, policy.min(), policy.max());
        if (delayWindow != null) {
            delayWindow.record(nowNanos, initialReplicas);
        }
    }

    /**
     * Records one observation of the total in-flight requests (queued + running) across the variant's ready
     * replicas. Called every tick (~100 ms..1 s).
     */
    public synchronized void observe(long nowNanos, double inFlight) {
        if (!(inFlight >= 0) || Double.isInfinite(inFlight)) {
            throw new IllegalArgumentException("inFlight must be finite and >= 0 but was " + inFlight);
        }
        this.inFlight.record(nowNanos, inFlight);
    }

    /** The replica count wanted now, given the current ready replicas; between policy.min() and policy.max(). */
    public synchronized int desiredReplicas(long nowNanos, int readyReplicas) {
        if (readyReplicas < 0) {
            throw new IllegalArgumentException("readyReplicas must be >= 0 but was " + readyReplicas);
        }
        double stableAverage = inFlight.average(nowNanos, stableNanos);
        if (Double.isNaN(stableAverage)) {
            return last;
        }
        double panicAverage = inFlight.average(nowNanos, panicNanos);
        if (Double.isNaN(panicAverage)) {
            panicAverage = stableAverage;
        }
        double ready = Math.max(1, readyReplicas);
        int maxScaleUp = (int) Math.min(Integer.MAX_VALUE, Math.ceil(ready * MAX_SCALE_UP_RATE));
        int maxScaleDown = (int) Math.floor(ready / MAX_SCALE_DOWN_RATE);
        double stableCount = replicasFor(stableAverage);
        double panicCount = replicasFor(panicAverage);

        updatePanic(nowNanos, panicCount / ready >= PANIC_THRESHOLD, readyReplicas);
        int desired = limit(stableCount, maxScaleDown, maxScaleUp);
        if (panicking) {
            desired = Math.max(desired, limit(panicCount, maxScaleDown, maxScaleUp));
            maxPanicReplicas = Math.max(maxPanicReplicas, desired);
            desired = maxPanicReplicas;
        }
        if (delayWindow != null) {
            desired = delayWindow.record(nowNanos, desired);
        }
        last = clamp(desired, policy.min(), policy.max());
        return last;
    }

    /** Whether the last decision was made in panic mode. */
    public synchronized boolean panicking() {
        return panicking;
    }

    private void updatePanic(long nowNanos, boolean overThreshold, int readyReplicas) {
        if (overThreshold) {
            if (!panicking) {
                panicking = true;
                maxPanicReplicas = readyReplicas;
            }
            panicSinceNanos = nowNanos; // each tick over the threshold extends the panic
        } else if (panicking && nowNanos - panicSinceNanos >= stableNanos) {
            panicking = false;
            maxPanicReplicas = 0;
        }
    }

    private double replicasFor(double averageInFlight) {
        return Math.ceil(averageInFlight / policy.targetConcurrency() - EPSILON);
    }

    private static int limit(double count, int low, int high) {
        return (int) Math.min(Math.max(count, low), high);
    }

    private static int clamp(int count, int low, int high) {
        return Math.min(Math.max(count, low), high);
    }
}
