package io.aidos.training.internal.tuning;

import io.aidos.api.EarlyStopping;
import io.aidos.api.Goal;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The stopping rules on synthetic learning curves. */
class TuningEarlyStoppingTest {

    /** A rising curve that levels off at {@code quality}, reported for steps 1..steps. */
    static NavigableMap<Long, Double> curve(double quality, int steps) {
        NavigableMap<Long, Double> c = new TreeMap<>();
        for (long s = 1; s <= steps; s++) {
            c.put(s, quality * (1 - Math.exp(-s / 3.0)));
        }
        return c;
    }

    @Test
    void medianStopsAPoorTrialOnlyAfterWarmUpAndWithThreeOthers() {
        EarlyStopper median = EarlyStopper.of(EarlyStopping.MEDIAN, Goal.MAXIMIZE);
        Map<Integer, NavigableMap<Long, Double>> curves = new HashMap<>();
        curves.put(1, curve(0.9, 20));
        curves.put(2, curve(0.8, 20));
        curves.put(4, curve(0.2, 10));
        assertThat(median.shouldStop(4, curves)).as("only two others").isFalse();
        curves.put(3, curve(0.85, 20));
        assertThat(median.shouldStop(4, curves)).isTrue();
        curves.put(4, curve(0.2, 3));
        assertThat(median.shouldStop(4, curves)).as("warm-up").isFalse();
        curves.put(5, curve(0.95, 10));
        assertThat(median.shouldStop(5, curves)).as("a good trial goes on").isFalse();
        curves.put(6, curve(0.88, 10));
        assertThat(median.shouldStop(6, curves)).as("above the median 0.875 of 0.9, 0.8, 0.85, 0.95 at step 10 (trial 4 never got there)")
                .isFalse();
    }

    @Test
    void medianComparesTheBestValueSoFarAndRespectsTheGoal() {
        EarlyStopper median = EarlyStopper.of(EarlyStopping.MEDIAN, Goal.MINIMIZE);
        Map<Integer, NavigableMap<Long, Double>> curves = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            NavigableMap<Long, Double> loss = new TreeMap<>();
            for (long s = 1; s <= 10; s++) {
                loss.put(s, 1.0 / s);
            }
            curves.put(i, loss);
        }
        NavigableMap<Long, Double> bad = new TreeMap<>();
        for (long s = 1; s <= 8; s++) {
            bad.put(s, 2.0 / s);
        }
        curves.put(4, bad);
        assertThat(median.shouldStop(4, curves)).isTrue();
        bad.put(2L, 0.01); // its best so far beats the others' values at step 8
        assertThat(median.shouldStop(4, curves)).isFalse();
    }

    @Test
    void ashaKeepsTheTopThirdAtEachRung() {
        AshaStopping asha = (AshaStopping) EarlyStopper.of(EarlyStopping.ASHA, Goal.MAXIMIZE);
        assertThat(asha.rungStep(0)).isEqualTo(1);
        assertThat(asha.rungStep(2)).isEqualTo(9);
        Map<Integer, NavigableMap<Long, Double>> curves = new HashMap<>();
        curves.put(1, curve(0.5, 1));
        assertThat(asha.shouldStop(1, curves)).as("alone at rung 1").isFalse();
        curves.put(2, curve(0.4, 1));
        assertThat(asha.shouldStop(2, curves)).as("fewer than 3 at the rung: must be the best").isTrue();
        curves.put(3, curve(0.9, 2));
        assertThat(asha.shouldStop(3, curves)).isFalse();
        for (int t = 4; t <= 8; t++) {
            curves.put(t, curve(0.1 * t - 0.35, 1));
        }
        // rung 1 now holds 8 trials: the best 2 (0.9, 0.45) continue
        curves.put(9, curve(0.6, 1));
        assertThat(asha.shouldStop(9, curves)).as("0.6 is second of 9 at rung 1").isFalse();
        curves.put(10, curve(0.44, 1));
        assertThat(asha.shouldStop(10, curves)).isTrue();
        // trial 1 passed rung 1 earlier and is not judged there again; at rung 3 it meets trial 3 only
        curves.put(1, curve(0.5, 3));
        curves.put(3, curve(0.9, 3));
        assertThat(asha.shouldStop(3, curves)).isFalse();
        assertThat(asha.shouldStop(1, curves)).isTrue();
    }

    @Test
    void noneNeverStopsAndCurvesPreferTheValidationMetric() {
        Map<Integer, NavigableMap<Long, Double>> curves = new HashMap<>();
        for (int t = 1; t <= 5; t++) {
            curves.put(t, curve(t == 5 ? 0.01 : 0.9, 20));
        }
        assertThat(EarlyStopper.of(EarlyStopping.NONE, Goal.MAXIMIZE).shouldStop(5, curves)).isFalse();
        assertThat(EarlyStopper.curveMetrics("accuracy")).containsExactly("val_accuracy", "accuracy");
        assertThat(EarlyStopper.curveMetrics("val_loss")).containsExactly("val_loss");
    }
}
