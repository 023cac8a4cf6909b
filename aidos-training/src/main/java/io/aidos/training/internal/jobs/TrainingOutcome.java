package io.aidos.training.internal.jobs;

import io.aidos.api.ModelVersion;
import io.aidos.api.Run;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a training attempt produced; stored as the job's result JSON. */
record TrainingOutcome(Run run, Map<String, Double> metrics, ModelVersion registered) {

    Map<String, Object> toResult() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("run_id", run.id());
        r.put("metrics", metrics);
        if (registered != null) {
            r.put("model_name", registered.modelName());
            r.put("model_version", registered.version());
        }
        return r;
    }
}
