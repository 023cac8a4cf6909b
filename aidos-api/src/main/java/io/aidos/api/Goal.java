package io.aidos.api;

/** Whether a tuning objective is better higher or lower. */
public enum Goal {
    MAXIMIZE, MINIMIZE;

    /** True when {@code candidate} is strictly better than {@code best} (NaN is never better). */
    public boolean better(double candidate, double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return this == MAXIMIZE ? candidate > best : candidate < best;
    }
}
