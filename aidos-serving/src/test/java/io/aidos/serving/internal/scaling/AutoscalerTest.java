package io.aidos.serving.internal.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.Autoscaling;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The autoscaler on a hand-driven clock, ticking every 100 ms: each tick observes the in-flight requests and asks
 * for a decision, with the ready replicas either following the decision at once or held fixed.
 */
class AutoscalerTest {
    private static final long TICK = 100_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** Target 10 per replica, stable window 10 s, panic window 1 s, scale-down delay 5 s, 1..20 replicas. */
    private static final Autoscaling POLICY = new Autoscaling(1, 20, 10, Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    private long now = 5 * SECOND;
    private int ready;

    @Test
    void steadyLoadGetsTheTargetConcurrencyPerReplicaAtOnce() {
        Autoscaler scaler = new Autoscaler(POLICY, 3, now);
        ready = 3;
        assertThat(tick(scaler, 35)).as("ceil(35 / 10), scale-up is immediate").isEqualTo(4);
        assertThat(scaler.panicking()).as("4 wanted of 3 ready is under the 200% threshold").isFalse();
        for (int i = 0; i < 300; i++) {
            assertThat(tick(scaler, 35)).isEqualTo(4);
        }
        assertThat(scaler.panicking()).isFalse();
    }

    @Test
    void aBurstPanicsAndScalesUpWithinThePanicWindow() {
        Autoscaler scaler = new Autoscaler(POLICY, 1, now);
        ready = 1;
        ticks(scaler, 10, 200); // 20 s at exactly the target: 1 replica
        assertThat(ready).isEqualTo(1);
        assertThat(scaler.panicking()).isFalse();

        assertThat(tick(scaler, 100)).as("panic average 19 asks for 2 = 200% of 1 ready").isEqualTo(2);
        assertThat(scaler.panicking()).isTrue();
        ticks(scaler, 100, 9); // the burst has now filled the 1 s panic window
        assertThat(scaler.panicking()).isTrue();
        assertThat(ready).as("the 10 s average, 19, alone would ask for 2").isEqualTo(10);
    }

    @Test
    void noScaleDownWhilePanickingThenScaleDownAfterTheDelay() {
        Autoscaler scaler = new Autoscaler(POLICY, 1, now);
        ready = 1;
        ticks(scaler, 10, 100);
        tick(scaler, 100);
        // Only this first tick of the burst is over the threshold: from 2 ready on, each tick wants one more than
        // ready, under 200%. So the panic ends a stable window (10 s) after it.
        long lastOver = now;
        ticks(scaler, 100, 9);
        assertThat(ready).isEqualTo(10);
        while (now + TICK - lastOver < 10 * SECOND) {
            assertThat(tick(scaler, 0)).as("no scale-down in panic at +%d ms", (now - lastOver) / 1_000_000)
                    .isEqualTo(10);
            assertThat(scaler.panicking()).isTrue();
        }
        long lastTen = now;
        tick(scaler, 0);
        assertThat(now - lastOver).isEqualTo(10 * SECOND);
        assertThat(scaler.panicking()).as("a full stable window without the condition").isFalse();
        assertThat(ready).as("held by the scale-down delay").isEqualTo(10);
        while (now + TICK - lastTen < 5 * SECOND) {
            assertThat(tick(scaler, 0)).as("the scale-down delay holds 10").isEqualTo(10);
        }
        assertThat(tick(scaler, 0)).as("5 s after the last tick that wanted 10: halved, the most one decision removes")
                .isEqualTo(5);
        ticks(scaler, 0, 49);
        assertThat(ready).as("each step down waits out the delay again").isEqualTo(5);
        assertThat(tick(scaler, 0)).isEqualTo(2);
        ticks(scaler, 0, 49);
        assertThat(ready).isEqualTo(2);
        assertThat(tick(scaler, 0)).as("zero load comes down to min").isEqualTo(1);
    }

    @Test
    void scaleDownWaitsForTheDelayWhileScaleUpIsImmediate() {
        Autoscaling shortWindows = POLICY.withWindows(Duration.ofSeconds(2), Duration.ofSeconds(1));
        Autoscaler delayed = new Autoscaler(shortWindows, 4, now);
        Autoscaler undelayed = new Autoscaler(shortWindows.withScaleDownDelay(Duration.ZERO), 4, now);
        ready = 4; // held: both see the same ready replicas
        for (int i = 0; i < 40; i++) {
            assertThat(tickFixed(delayed, undelayed, 40)).containsExactly(4, 4);
        }
        long drop = now;
        int[] wanted = {4, 4};
        long undelayedDownAt = -1;
        long delayedDownAt = -1;
        while (now - drop < 8 * SECOND) {
            wanted = tickFixed(delayed, undelayed, 0);
            if (wanted[1] < 4 && undelayedDownAt < 0) {
                undelayedDownAt = now;
            }
            if (wanted[0] < 4 && delayedDownAt < 0) {
                delayedDownAt = now;
            }
        }
        assertThat(wanted).as("floor(4 / 2): at most halving per decision").containsExactly(2, 2);
        assertThat(undelayedDownAt - drop).as("the 2 s average falls under 30 soon").isLessThan(SECOND);
        assertThat(delayedDownAt - undelayedDownAt).as("5 s after the last tick that wanted 4")
                .isEqualTo(5 * SECOND - TICK);

        assertThat(tickFixed(delayed, undelayed, 500)).as("up again at once: the 2 s average is 25")
                .containsExactly(3, 3);
    }

    @Test
    void scaleUpIsLimitedToTenTimesTheReadyReplicas() {
        Autoscaler scaler = new Autoscaler(new Autoscaling(1, 64, 1, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ZERO), 1, now);
        scaler.observe(now, 1000);
        assertThat(scaler.desiredReplicas(now, 1)).isEqualTo(10);
        assertThat(scaler.desiredReplicas(now, 0)).as("no ready replicas count as one").isEqualTo(10);
        assertThat(scaler.desiredReplicas(now, 3)).isEqualTo(30);
        assertThat(scaler.desiredReplicas(now, 10)).as("100 wanted, max 64").isEqualTo(64);
    }

    @Test
    void staysWithinMinAndMax() {
        Autoscaling policy = new Autoscaling(3, 5, 10, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO);
        Autoscaler scaler = new Autoscaler(policy, 4, now);
        ready = 4;
        ticks(scaler, 1000, 20);
        assertThat(ready).isEqualTo(5);
        ticks(scaler, 0, 200);
        assertThat(ready).isEqualTo(3);
        assertThat(new Autoscaler(policy, 9, now).desiredReplicas(now, 9)).as("initial count clamped").isEqualTo(5);
    }

    @Test
    void zeroLoadComesDownToMin() {
        Autoscaler scaler = new Autoscaler(POLICY.withScaleDownDelay(Duration.ZERO), 16, now);
        ready = 16;
        assertThat(tick(scaler, 0)).isEqualTo(8);
        assertThat(tick(scaler, 0)).isEqualTo(4);
        assertThat(tick(scaler, 0)).isEqualTo(2);
        assertThat(tick(scaler, 0)).isEqualTo(1);
        assertThat(tick(scaler, 0)).isEqualTo(1);
    }

    @Test
    void withoutRecentObservationsTheLastCountStands() {
        Autoscaler scaler = new Autoscaler(POLICY, 6, now);
        assertThat(scaler.desiredReplicas(now, 2)).as("no observation yet: the initial count, whatever is ready")
                .isEqualTo(6);
        scaler.observe(now, 70);
        assertThat(scaler.desiredReplicas(now, 6)).isEqualTo(7);
        now += 11 * SECOND; // the observation left the stable window
        assertThat(scaler.desiredReplicas(now, 1)).isEqualTo(7);
        assertThat(scaler.panicking()).isFalse();
    }

    @Test
    void stableAverageWeighsByTimeNotBySampleCount() {
        Autoscaler scaler = new Autoscaler(new Autoscaling(1, 64, 1, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ZERO), 1, now);
        for (int i = 0; i < 10; i++) {
            scaler.observe(now + i, 30); // ten samples in one 200 ms bucket
        }
        scaler.observe(now + SECOND, 10); // one sample in another
        assertThat(scaler.desiredReplicas(now + SECOND, 1)).as("(30 + 10) / 2, not 290 / 11").isEqualTo(10);
    }

    @Test
    void rejectsBadArguments() {
        Autoscaler scaler = new Autoscaler(POLICY, 1, now);
        assertThatThrownBy(() -> scaler.observe(now, -1)).hasMessageContaining("but was -1.0");
        assertThatThrownBy(() -> scaler.observe(now, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scaler.desiredReplicas(now, -1)).hasMessageContaining("but was -1");
        assertThatThrownBy(() -> new Autoscaler(null, 1, now)).isInstanceOf(IllegalArgumentException.class);
    }

    /** One tick with the ready replicas following the last decision at once. */
    private int tick(Autoscaler scaler, double inFlight) {
        now += TICK;
        scaler.observe(now, inFlight);
        ready = scaler.desiredReplicas(now, ready);
        return ready;
    }

    private void ticks(Autoscaler scaler, double inFlight, int count) {
        for (int i = 0; i < count; i++) {
            tick(scaler, inFlight);
        }
    }

    /** One tick of two autoscalers with the ready replicas held. */
    private int[] tickFixed(Autoscaler a, Autoscaler b, double inFlight) {
        now += TICK;
        a.observe(now, inFlight);
        b.observe(now, inFlight);
        return new int[] {a.desiredReplicas(now, ready), b.desiredReplicas(now, ready)};
    }
}
