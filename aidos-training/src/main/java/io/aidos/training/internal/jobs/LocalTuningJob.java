package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.ModelVersion;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningResult;
import io.aidos.api.TuningSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.spi.Arguments;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tuning job on the embedded backend. */
final class LocalTuningJob extends LocalJob implements TuningJob {
    private final LocalAiDos aidos;

    LocalTuningJob(LocalAiDos aidos, JobQueue queue, String id) {
        super(queue, id);
        this.aidos = aidos;
    }

    @Override
    public TuningSpec spec() {
        return SpecJson.tuning(record().spec());
    }

    @Override
    public TuningResult await(Duration timeout) {
        Arguments.notNull("timeout", timeout);
        JsonNode result = SpecJson.tree(awaitResult(timeout));
        Map<String, Object> bestParams = new LinkedHashMap<>();
        result.path("best_params").fields().forEachRemaining(e -> bestParams.put(e.getKey(),
                SpecJson.scalar(e.getValue())));
        ModelVersion version = result.has("model_name")
                ? aidos.models().get(result.get("model_name").asText()).version(result.get("model_version").asInt())
                : null;
        var experiments = aidos.experiments();
        return new TuningResult(id, experiments.getRun(result.get("run_id").asText()),
                experiments.getRun(result.get("best_run_id").asText()), bestParams,
                result.get("best_value").asDouble(), result.get("trials").asInt(),
                result.get("stopped_early").asInt(), version);
    }
}
