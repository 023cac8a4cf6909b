package io.aidos.serving.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    private static final long MICRO = 1_000;
    private static final long SECOND = 1_000_000_000;

    @Test
    void emptyHistogramHasNoCountAndZeroPercentiles() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentileNanos(50)).isZero();
        assertThat(h.percentileNanos(100)).isZero();
    }

    @Test
    void cumulativeCountsAreTheValuesAtOrBelowEachBound() {
        LatencyHistogram h = new LatencyHistogram();
        long[] values = {10, 300 * MICRO, 900 * MICRO, 2_000 * MICRO, 2_000 * MICRO, 40 * SECOND};
        for (long v : values) {
            h.record(v);
        }
        long[] bounds = {5, 500 * MICRO, 1_000 * MICRO, 2_500 * MICRO, SECOND};

        assertThat(h.cumulativeCounts(bounds)).containsExactly(0, 2, 3, 5, 5);
        assertThat(new LatencyHistogram().cumulativeCounts(bounds)).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void percentileMustBeInZeroToHundred() {
        LatencyHistogram h = new LatencyHistogram();
        assertThatThrownBy(() -> h.percentileNanos(0)).hasMessageContaining("(0, 100] but was 0.0");
        assertThatThrownBy(() -> h.percentileNanos(100.5)).hasMessageContaining("100.5");
        assertThatThrownBy(() -> h.percentileNanos(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uniformMicrosecondsToOneSecondGivesPercentilesWithinThreePercent() {
        LatencyHistogram h = new LatencyHistogram();
        long[] values = new long[100_000];
        Random random = new Random(42);
        for (int i = 0; i < values.length; i++) {
            values[i] = MICRO + (long) (random.nextDouble() * (SECOND - MICRO));
            h.record(values[i]);
        }
        assertPercentilesMatch(h, values);
    }

    @Test
    void logNormalLatenciesGivePercentilesWithinThreePercent() {
        LatencyHistogram h = new LatencyHistogram();
        long[] values = new long[100_000];
        Random random = new Random(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(Math.log(5_000_000) + 1.5 * random.nextGaussian()); // median 5 ms, long tail
            h.record(values[i]);
        }
        assertPercentilesMatch(h, values);
    }

    @Test
    void everyValueFromOneMicrosecondToSixtySecondsLandsInABucketWithinThreePercent() {
        for (long v = MICRO; v <= 60 * SECOND; v = v + v / 97 + 1) {
            int index = LatencyHistogram.indexOf(v);
            assertThat(LatencyHistogram.lowerBoundOf(index)).isLessThanOrEqualTo(v);
            if (index + 1 < LatencyHistogram.BUCKETS) {
                assertThat(LatencyHistogram.lowerBoundOf(index + 1)).isGreaterThan(v);
            }
            assertThat((double) LatencyHistogram.midpointOf(index)).isCloseTo(v, within(v * 0.016));
        }
    }

    @Test
    void bucketsAreContiguousAndIncreasing() {
        for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
            long low = LatencyHistogram.lowerBoundOf(i);
            assertThat(LatencyHistogram.indexOf(low)).isEqualTo(i);
            assertThat(LatencyHistogram.indexOf(low - 1)).isEqualTo(i - 1);
        }
    }

    @Test
    void smallValuesAreExactAndOutOfRangeValuesAreClamped() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(17);
        assertThat(h.percentileNanos(100)).isEqualTo(17);

        LatencyHistogram extremes = new LatencyHistogram();
        extremes.record(-5);
        extremes.record(Long.MAX_VALUE);
        assertThat(extremes.count()).isEqualTo(2);
        assertThat(extremes.percentileNanos(50)).isZero();
        assertThat((double) extremes.percentileNanos(100))
                .isCloseTo(LatencyHistogram.HIGHEST_TRACKABLE, within(LatencyHistogram.HIGHEST_TRACKABLE * 0.016));
    }

    @Test
    void percentilesUseTheNearestRank() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10; v++) {
            h.record(v);
        }
        assertThat(h.percentileNanos(10)).isEqualTo(1);
        assertThat(h.percentileNanos(10.01)).isEqualTo(2);
        assertThat(h.percentileNanos(50)).isEqualTo(5);
        assertThat(h.percentileNanos(99)).isEqualTo(10);
        assertThat(h.percentileNanos(100)).isEqualTo(10);
    }

    @Test
    void addToMergesCountsAndLeavesTheSourceAsItWas() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        for (int i = 0; i < 900; i++) {
            fast.record(MICRO * 100);
        }
        for (int i = 0; i < 100; i++) {
            slow.record(SECOND);
        }
        slow.addTo(fast);

        assertThat(fast.count()).isEqualTo(1000);
        assertThat(slow.count()).isEqualTo(100);
        assertThat((double) fast.percentileNanos(90)).isCloseTo(MICRO * 100, within(MICRO * 100 * 0.03));
        assertThat((double) fast.percentileNanos(91)).isCloseTo(SECOND, within(SECOND * 0.03));
        assertThatThrownBy(() -> fast.addTo(fast)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentRecordingLosesNoCounts() throws Exception {
        LatencyHistogram h = new LatencyHistogram();
        int threads = 4;
        int perThread = 100_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = (t + 1) * MICRO;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        h.record(base + i % 1000); // threads share buckets: contended increments
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.count()).isEqualTo((long) threads * perThread);
    }

    private static void assertPercentilesMatch(LatencyHistogram h, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(h.count()).isEqualTo(values.length);
        for (double p : new double[] {1, 10, 50, 90, 95, 99, 99.9, 100}) {
            long exact = sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
            assertThat((double) h.percentileNanos(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.03));
        }
    }
}
