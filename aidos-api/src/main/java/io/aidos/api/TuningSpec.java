package io.aidos.api;

/**
 * A hyperparameter search as stored with its job: the base training spec (fixed params included), the space, the
 * objective metric and goal, the trial budget and parallelism, the strategy and early stopping. Built by
 * {@link TuningDraft}.
 */
public record TuningSpec(TrainingSpec base, SearchSpace space, String objective, Goal goal, int maxTrials,
                         int parallelism, SearchStrategy strategy, EarlyStopping earlyStopping) {
}
