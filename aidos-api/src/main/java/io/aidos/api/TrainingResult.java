package io.aidos.api;

import java.util.Map;

/**
 * What a finished training job produced: its evaluation metrics (on the validation split when there is one), the run
 * that holds params, metrics, the model artifact and provenance, and the registered version if {@code registerAs}
 * was given (else null).
 */
public record TrainingResult(String jobId, Map<String, Double> metrics, Run run, ModelVersion modelVersion) {
    public TrainingResult {
        metrics = Map.copyOf(metrics);
    }
}
