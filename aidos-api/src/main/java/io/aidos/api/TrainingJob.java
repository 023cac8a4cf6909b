package io.aidos.api;

import java.time.Duration;

/** A training job: {@code aidos.trainer().dataset(...)...submit()}. */
public interface TrainingJob extends Job {

    /** The spec as stored, with the dataset version resolved. */
    TrainingSpec spec();

    /**
     * Waits for the job to end. Returns its result when it SUCCEEDED; throws {@link JobFailedException} when it
     * FAILED or was CANCELLED, and {@link JobTimeoutException} when it is still going after {@code timeout}.
     */
    TrainingResult await(Duration timeout);
}
