package io.aidos.training.internal.tuning;

import io.aidos.api.Goal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asynchronous successive halving (Li et al. 2020) as a stopping rule. Rungs sit at steps r, r·η, r·η², ... A trial
 * that reaches a rung is compared, by its value at that step, with every trial that reached the rung so far
 * (itself included): it continues only if it is among the best ⌊n/η⌋, or, while fewer than η trials reached the
 * rung, only if it is the best of them (as Optuna does). Each trial is judged once per rung.
 */
final class AshaStopping implements EarlyStopper {
    static final long MIN_STEP = 1;
    static final int ETA = 3;

    private final Goal goal;
    private final long minStep;
    private final int eta;
    private final Map<Integer, Integer> passedRungs = new ConcurrentHashMap<>();

    AshaStopping(Goal goal, long minStep, int eta) {
        this.goal = goal;
        this.minStep = minStep;
        this.eta = eta;
    }

    @Override
    public boolean shouldStop(int trial, Map<Integer, NavigableMap<Long, Double>> curves) {
        NavigableMap<Long, Double> own = curves.get(trial);
        if (own == null || own.isEmpty()) {
            return false;
        }
        int rung = passedRungs.getOrDefault(trial, -1) + 1;
        for (long step = rungStep(rung); step <= own.lastKey(); step = rungStep(++rung)) {
            double value = own.floorEntry(step).getValue();
            List<Double> competing = new ArrayList<>();
            for (NavigableMap<Long, Double> curve : curves.values()) {
                if (!curve.isEmpty() && curve.lastKey() >= step && curve.floorEntry(step) != null) {
                    competing.add(curve.floorEntry(step).getValue());
                }
            }
            if (!promotable(value, competing)) {
                return true;
            }
            passedRungs.put(trial, rung);
        }
        return false;
    }

    long rungStep(int rung) {
        long step = minStep;
        for (int i = 0; i < rung; i++) {
            step *= eta;
        }
        return step;
    }

    private boolean promotable(double value, List<Double> competing) {
        if (Double.isNaN(value)) {
            return false;
        }
        List<Double> sorted = new ArrayList<>(competing.stream().filter(v -> !v.isNaN()).toList());
        sorted.sort(goal == Goal.MAXIMIZE ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        int keep = Math.max(1, sorted.size() / eta);
        double threshold = sorted.get(keep - 1);
        return !goal.better(threshold, value);
    }
}
