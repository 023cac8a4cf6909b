package io.aidos.api;

import java.util.Map;

/**
 * The outcome of a search: the parent run, the best trial's run, params and objective value, how many trials ran and
 * how many were stopped early, and the registered version of the best model (null without {@code registerAs}).
 */
public record TuningResult(String jobId, Run run, Run bestRun, Map<String, Object> bestParams, double bestValue,
                           int trials, int stoppedEarly, ModelVersion modelVersion) {
    public TuningResult {
        bestParams = Map.copyOf(bestParams);
    }
}
