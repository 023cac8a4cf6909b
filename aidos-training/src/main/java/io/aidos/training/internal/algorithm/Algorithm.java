package io.aidos.training.internal.algorithm;

import io.aidos.api.AlgorithmInfo;
import io.aidos.training.internal.data.TrainingData;

/**
 * One trainable algorithm. {@link #info()} lists its tasks and parameters (the catalog validates a spec's params
 * against it before a job is stored); {@link #train} does the real work on encoded rows.
 */
public interface Algorithm {

    AlgorithmInfo info();

    default String name() {
        return info().name();
    }

    /**
     * Trains on {@code data.train()}. Long loops check {@link TrainingContext#shouldStop()} and log progress; iterative
     * trainers log per-epoch metrics through the context.
     */
    TrainedModel train(TrainingData data, Params params, TrainingContext context) throws Exception;
}
