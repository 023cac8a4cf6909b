/**
 * Hyperparameter search as pure logic, with no store or queue in sight: the search strategies (random, grid, TPE)
 * behind {@link io.aidos.training.internal.tuning.Strategy} and the early-stopping rules (median, ASHA) behind
 * {@link io.aidos.training.internal.tuning.EarlyStopper}. The tuning job that drives them is
 * {@code io.aidos.training.internal.jobs.TuningHandler}.
 */
package io.aidos.training.internal.tuning;
