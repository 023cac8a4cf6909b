package io.aidos.serving.internal.deploy;

import io.aidos.api.VariantStats;
import io.aidos.serving.internal.stats.RequestRecorder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A variant's stats are its recorder's counts and the right percentile in each field. */
class StatsTest {
    @Test
    void eachPercentileIsTheOneItNames() {
        RequestRecorder r = new RequestRecorder(Duration.ofSeconds(60), System::nanoTime);
        for (int micros = 1; micros <= 1000; micros++) {
            if (micros % 100 == 0) {
                r.failure(micros * 1000L);
            } else {
                r.success(micros * 1000L);
            }
        }
        r.rejected();
        r.rejected();

        VariantStats s = Stats.of(r, 3, 2);

        assertThat(s.requests()).isEqualTo(1000);
        assertThat(s.errors()).isEqualTo(10);
        assertThat(s.rejected()).isEqualTo(2);
        // The histogram reports a bucket's midpoint, within 1.6 % of the value.
        assertThat(s.p50().toNanos()).isCloseTo(500_000L, within(8_000L));
        assertThat(s.p95().toNanos()).isCloseTo(950_000L, within(15_200L));
        assertThat(s.p99().toNanos()).isCloseTo(990_000L, within(15_840L));
        assertThat(s.inFlight()).isEqualTo(3);
        assertThat(s.replicas()).isEqualTo(2);
    }
}
