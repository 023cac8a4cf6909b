package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.ModelVersion;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import io.aidos.api.TrainingSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobQueue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A training job on the embedded backend. */
final class LocalTrainingJob extends LocalJob implements TrainingJob {
    private final LocalAiDos aidos;

    LocalTrainingJob(LocalAiDos aidos, JobQueue queue, String id) {
        super(queue, id);
        this.aidos = aidos;
    }

    @Override
    public TrainingSpec spec() {
        return SpecJson.training(record().spec());
    }

    @Override
    public TrainingResult await(Duration timeout) {
        io.aidos.spi.Arguments.notNull("timeout", timeout);
        JsonNode result = SpecJson.tree(awaitResult(timeout));
        return toResult(aidos, id, result);
    }

    static TrainingResult toResult(LocalAiDos aidos, String jobId, JsonNode result) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        result.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        ModelVersion version = result.has("model_name")
                ? aidos.models().get(result.get("model_name").asText()).version(result.get("model_version").asInt())
                : null;
        return new TrainingResult(jobId, metrics, aidos.experiments().getRun(result.get("run_id").asText()), version);
    }
}
