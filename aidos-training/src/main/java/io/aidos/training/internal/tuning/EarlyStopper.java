package io.aidos.training.internal.tuning;

import io.aidos.api.EarlyStopping;
import io.aidos.api.Goal;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Decides whether a running trial should stop, from the intermediate curves (step to objective value) of every trial
 * so far, finished and stopped ones included. A coordinator asks again each time it looks at a running trial.
 */
public interface EarlyStopper {

    /** True when {@code trial} should stop now. */
    boolean shouldStop(int trial, Map<Integer, NavigableMap<Long, Double>> curves);

    static EarlyStopper of(EarlyStopping rule, Goal goal) {
        return switch (rule) {
            case NONE -> (trial, curves) -> false;
            case MEDIAN -> new MedianStopping(goal, MedianStopping.WARMUP_STEPS, MedianStopping.MIN_OTHERS);
            case ASHA -> new AshaStopping(goal, AshaStopping.MIN_STEP, AshaStopping.ETA);
        };
    }

    /**
     * The intermediate metrics a trial's curve is read from, in order of preference, for objective {@code name}:
     * {@code val_NAME} (what iterative trainers log per epoch on the held-out rows), then {@code NAME} itself at
     * steps of at least 1 (step 0 holds the final evaluation). An objective already named {@code val_...} is used
     * as is.
     */
    static String[] curveMetrics(String objective) {
        return objective.startsWith("val_") ? new String[] {objective} : new String[] {"val_" + objective, objective};
    }
}
