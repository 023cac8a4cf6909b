package io.aidos.api;

import java.time.Duration;

/** A hyperparameter search: {@code aidos.trainer().tune()...submit()}. Each trial is a child run of its run. */
public interface TuningJob extends Job {

    TuningSpec spec();

    /** Like {@link TrainingJob#await(Duration)}. */
    TuningResult await(Duration timeout);
}
