package io.aidos.api;

/** How a tuning job picks the next trial's parameters. */
public enum SearchStrategy {
    /** Independent random samples. */
    RANDOM,
    /** Every combination; real ranges are cut into a few evenly spaced points. */
    GRID,
    /** Tree-structured Parzen estimator: samples where good trials were, after a few random ones. */
    TPE
}
