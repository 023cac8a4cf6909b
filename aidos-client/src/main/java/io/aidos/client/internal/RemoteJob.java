package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AiDosException;
import io.aidos.api.Job;
import io.aidos.api.JobStatus;
import io.aidos.api.JobTimeoutException;
import io.aidos.api.LogLine;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A job on the server; state is read on every call, {@code await} long-polls the result route. */
abstract class RemoteJob implements Job {
    final RemoteTrainer trainer;
    final String id;
    final String kind;
    final JsonNode spec;

    RemoteJob(RemoteTrainer trainer, JsonNode n) {
        this.trainer = trainer;
        this.id = n.get("id").asText();
        this.kind = n.get("kind").asText();
        this.spec = n.get("spec");
    }

    private JsonNode state() {
        return trainer.fetch(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public JobStatus status() {
        return JobStatus.valueOf(state().get("status").asText());
    }

    @Override
    public String error() {
        JsonNode e = state().get("error");
        return e == null || e.isNull() ? null : e.asText();
    }

    @Override
    public int attempts() {
        return state().get("attempts").asInt();
    }

    @Override
    public Instant createdAt() {
        return Json.instant(state().get("created_at"));
    }

    @Override
    public Instant startedAt() {
        return Json.instant(state().get("started_at"));
    }

    @Override
    public Instant finishedAt() {
        return Json.instant(state().get("finished_at"));
    }

    @Override
    public Stream<String> logs() {
        return SseLines.follow(trainer.rest, trainer.rest.url("training", "jobs", id, "logs", "stream"));
    }

    @Override
    public List<LogLine> logLines(long afterSeq) {
        List<LogLine> out = new ArrayList<>();
        trainer.rest.get(trainer.rest.url("training", "jobs", id, "logs")
                .addQueryParameter("after", Long.toString(afterSeq))).forEach(n -> out.add(new LogLine(
                        n.get("seq").asLong(), Json.instant(n.get("time")), n.get("line").asText())));
        return out;
    }

    @Override
    public JobStatus cancel() {
        return JobStatus.valueOf(trainer.rest.post(trainer.rest.url("training", "jobs", id, "cancel"), Map.of())
                .get("status").asText());
    }

    /** Long-polls {@code resultPath} until it answers or {@code timeout} has passed. */
    JsonNode awaitResult(String collection, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long maxWait = Math.max(100, Math.min(30_000, trainer.rest.transport.requestTimeout().toMillis() - 1_000));
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new JobTimeoutException(id, timeout, status());
            }
            try {
                return trainer.rest.get(trainer.rest.url("training", collection, id, "result")
                        .addQueryParameter("wait_ms", Long.toString(Math.min(left, maxWait))));
            } catch (AiDosException e) {
                if (!e.errorCode().equals("JOB_TIMEOUT")) {
                    throw e;
                }
            }
        }
    }

    static ModelVersionOrNull model(JsonNode n) {
        JsonNode mv = n.get("model_version");
        return new ModelVersionOrNull(mv == null || mv.isNull() ? null : RemoteModels.version(mv));
    }

    record ModelVersionOrNull(io.aidos.api.ModelVersion value) {
    }

    @Override
    public String toString() {
        return "Job{" + kind + " " + id + "}";
    }

    /** A training job. */
    static final class Training extends RemoteJob implements TrainingJob {
        Training(RemoteTrainer trainer, JsonNode n) {
            super(trainer, n);
        }

        @Override
        public TrainingSpec spec() {
            return SpecJson.training(spec);
        }

        @Override
        public TrainingResult await(Duration timeout) {
            JsonNode r = awaitResult("jobs", timeout);
            Map<String, Double> metrics = new LinkedHashMap<>();
            r.get("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), Json.number(e.getValue())));
            JsonNode run = r.get("run_id");
            return new TrainingResult(id, metrics, run == null || run.isNull() ? null
                    : trainer.experiments.getRun(run.asText()), model(r).value());
        }
    }

    /** A tuning job. */
    static final class Tuning extends RemoteJob implements TuningJob {
        Tuning(RemoteTrainer trainer, JsonNode n) {
            super(trainer, n);
        }

        @Override
        public io.aidos.api.TuningSpec spec() {
            return SpecJson.tuning(spec);
        }

        @Override
        public TuningResult await(Duration timeout) {
            JsonNode r = awaitResult("tuning-jobs", timeout);
            Map<String, Object> best = Json.MAPPER.convertValue(r.get("best_params"),
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
            JsonNode run = r.get("run_id");
            JsonNode bestRun = r.get("best_run_id");
            return new TuningResult(id, run == null || run.isNull() ? null : trainer.experiments.getRun(run.asText()),
                    bestRun == null || bestRun.isNull() ? null : trainer.experiments.getRun(bestRun.asText()),
                    best == null ? Map.of() : best, Json.number(r.get("best_value")), r.get("trials").asInt(),
                    r.get("stopped_early").asInt(), model(r).value());
        }
    }
}
