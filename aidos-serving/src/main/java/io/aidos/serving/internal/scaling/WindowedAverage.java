package io.aidos.serving.internal.scaling;

/**
 * Time-bucketed averages of a sampled value, Knative's way: observations fall into buckets of {@code bucketNanos},
 * each bucket averages its own, and the average over a window is the mean of the buckets in it that have any, so
 * irregular sampling weighs by time, not by number of samples. Holds buckets for the longest window asked of it.
 * Not thread-safe; {@link Autoscaler} guards it.
 */
final class WindowedAverage {
    private final long bucketNanos;
    private final long[] bucketIndex;
    private final double[] sums;
    private final int[] counts;

    WindowedAverage(long bucketNanos, long longestWindowNanos) {
        if (bucketNanos < 1 || longestWindowNanos < bucketNanos) {
            throw new IllegalArgumentException("need 1 <= bucket <= window but were " + bucketNanos + ", "
                    + longestWindowNanos);
        }
        this.bucketNanos = bucketNanos;
        int capacity = Math.toIntExact(bucketsIn(longestWindowNanos) + 1);
        this.bucketIndex = new long[capacity];
        this.sums = new double[capacity];
        this.counts = new int[capacity];
    }

    void record(long nowNanos, double value) {
        long index = Math.floorDiv(nowNanos, bucketNanos);
        int slot = (int) Math.floorMod(index, (long) counts.length);
        if (counts[slot] == 0 || bucketIndex[slot] != index) {
            bucketIndex[slot] = index;
            sums[slot] = 0;
            counts[slot] = 0;
        }
        sums[slot] += value;
        counts[slot]++;
    }

    /**
     * The mean of the bucket averages over the {@code ceil(window / bucket)} buckets ending with the one holding
     * {@code nowNanos}, or NaN when none of them has an observation.
     */
    double average(long nowNanos, long windowNanos) {
        long newest = Math.floorDiv(nowNanos, bucketNanos);
        long oldest = newest - Math.min(bucketsIn(windowNanos), counts.length - 1) + 1;
        double total = 0;
        int buckets = 0;
        for (int slot = 0; slot < counts.length; slot++) {
            if (counts[slot] > 0 && bucketIndex[slot] >= oldest && bucketIndex[slot] <= newest) {
                total += sums[slot] / counts[slot];
                buckets++;
            }
        }
        return buckets == 0 ? Double.NaN : total / buckets;
    }

    private long bucketsIn(long windowNanos) {
        return Math.max(1, (windowNanos + bucketNanos - 1) / bucketNanos);
    }
}
