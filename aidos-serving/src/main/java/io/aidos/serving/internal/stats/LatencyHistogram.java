package io.aidos.serving.internal.stats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of latencies in log-linear buckets: exact below 64 ns, then 32 buckets per power of two up to 2^36 ns
 * (about 68.7 s), so a reported percentile is the midpoint of a bucket no wider than 1/32 of its lower bound, within
 * 1/64 (1.6%) of any value in it. 1,024 buckets in all (8 KiB). Negative values count as 0 and values past the
 * last bucket as about 68.7 s.
 *
 * <p>Thread-safe. {@link #record} is one atomic increment, no lock and no allocation. Readers see each bucket's
 * count exactly, but not one instant across buckets while others record: a percentile read during recording is
 * of a distribution that was true at some point during the read, give or take the records in flight.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB_COUNT = 1 << SUB_BITS;        // 32 buckets per power of two
    private static final int LINEAR_LIMIT = SUB_COUNT << 1;    // values 0..63 have one bucket each
    private static final int MAX_EXPONENT = 35;                // the last power of two: [2^35, 2^36)
    static final int BUCKETS = LINEAR_LIMIT + (MAX_EXPONENT - SUB_BITS) * SUB_COUNT;
    static final long HIGHEST_TRACKABLE = (1L << (MAX_EXPONENT + 1)) - 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    public void record(long nanos) {
        counts.getAndIncrement(indexOf(nanos));
    }

    /** How many values were recorded (the sum over the buckets, read one by one). */
    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /**
     * The value at or below which {@code p} percent of the recorded values lie (nearest rank), as the midpoint of
     * its bucket; 0 when nothing was recorded.
     */
    public long percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100] but was " + p);
        }
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, Math.min(total, (long) Math.ceil(p / 100 * total)));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return midpointOf(i);
            }
        }
        return midpointOf(BUCKETS - 1); // not reached: seen ends at total >= rank
    }

    /**
     * For each of {@code boundsNanos} (ascending), how many recorded values are at or below it, each value read as its
     * bucket's midpoint (as {@link #percentileNanos} reads it): the cumulative buckets of a Prometheus histogram.
     */
    public long[] cumulativeCounts(long[] boundsNanos) {
        long[] out = new long[boundsNanos.length];
        int bound = 0;
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long c = counts.get(i);
            if (c == 0) {
                continue;
            }
            long value = midpointOf(i);
            while (bound < boundsNanos.length && boundsNanos[bound] < value) {
                out[bound++] = seen;
            }
            seen += c;
        }
        while (bound < boundsNanos.length) {
            out[bound++] = seen;
        }
        return out;
    }

    /** Adds this histogram's counts to {@code other} (a merge); this one is left as it is. */
    public void addTo(LatencyHistogram other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot add a histogram to itself");
        }
        for (int i = 0; i < BUCKETS; i++) {
            long c = counts.get(i);
            if (c != 0) {
                other.counts.getAndAdd(i, c);
            }
        }
    }

    static int indexOf(long nanos) {
        long v = Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE));
        if (v < LINEAR_LIMIT) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);      // SUB_BITS + 1 .. MAX_EXPONENT
        int shift = exponent - SUB_BITS;
        int mantissa = (int) (v >>> shift);                    // SUB_COUNT .. 2 * SUB_COUNT - 1
        return LINEAR_LIMIT + (exponent - SUB_BITS - 1) * SUB_COUNT + (mantissa - SUB_COUNT);
    }

    static long lowerBoundOf(int index) {
        if (index < LINEAR_LIMIT) {
            return index;
        }
        int j = index - LINEAR_LIMIT;
        int shift = j / SUB_COUNT + 1;
        long mantissa = SUB_COUNT + j % SUB_COUNT;
        return mantissa << shift;
    }

    static long midpointOf(int index) {
        if (index < LINEAR_LIMIT) {
            return index;
        }
        int shift = (index - LINEAR_LIMIT) / SUB_COUNT + 1;
        return lowerBoundOf(index) + ((1L << shift) >>> 1);
    }
}
