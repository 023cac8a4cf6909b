package io.aidos.training.internal.tuning;

import java.util.Map;

/**
 * A trial as a strategy sees it: its number (from 1), the params it was given (one value per search dimension) and
 * its objective value, NaN while it runs or when it failed.
 */
public record Observation(int number, Map<String, Object> params, double value) {
    public Observation {
        params = Map.copyOf(params);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }
}
