package io.aidos.api;

/** How a tuning job stops poor trials before they finish (trials that report per-epoch metrics). */
public enum EarlyStopping {
    NONE,
    /** Stops a trial whose best value so far is worse than the median of other trials at the same step. */
    MEDIAN,
    /** Asynchronous successive halving: at each rung only the top 1/3 of trials continue. */
    ASHA
}
