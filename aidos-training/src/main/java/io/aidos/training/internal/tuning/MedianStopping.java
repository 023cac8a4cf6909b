package io.aidos.training.internal.tuning;

import io.aidos.api.Goal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The median stopping rule (Golovin et al. 2017, Google Vizier): a trial stops when its best value up to step t is
 * worse than the median of the other trials' values at step t. It is judged at the latest step t that it and at
 * least {@code minOthers} other trials reported, and never at steps up to {@code warmupSteps}.
 */
final class MedianStopping implements EarlyStopper {
    static final int WARMUP_STEPS = 3;
    static final int MIN_OTHERS = 3;

    private final Goal goal;
    private final long warmupSteps;
    private final int minOthers;

    MedianStopping(Goal goal, long warmupSteps, int minOthers) {
        this.goal = goal;
        this.warmupSteps = warmupSteps;
        this.minOthers = minOthers;
    }

    @Override
    public boolean shouldStop(int trial, Map<Integer, NavigableMap<Long, Double>> curves) {
        NavigableMap<Long, Double> own = curves.get(trial);
        if (own == null) {
            return false;
        }
        for (Long t : own.descendingKeySet()) {
            if (t <= warmupSteps) {
                return false;
            }
            List<Double> others = new ArrayList<>();
            curves.forEach((n, curve) -> {
                Double v = n == trial ? null : curve.get(t);
                if (v != null && !v.isNaN()) {
                    others.add(v);
                }
            });
            if (others.size() >= minOthers) {
                double best = Double.NaN;
                for (double v : own.headMap(t, true).values()) {
                    if (goal.better(v, best)) {
                        best = v;
                    }
                }
                return goal.better(median(others), best);
            }
        }
        return false;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
