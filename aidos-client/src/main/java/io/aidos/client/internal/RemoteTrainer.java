package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AlgorithmInfo;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Job;
import io.aidos.api.ParamInfo;
import io.aidos.api.Task;
import io.aidos.api.Trainer;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningSpec;
import io.aidos.spi.Arguments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Training on the server's workers: jobs are submitted, followed and awaited over HTTP. */
final class RemoteTrainer implements Trainer {
    final Rest rest;
    final RemoteExperiments experiments;

    RemoteTrainer(Rest rest, RemoteExperiments experiments) {
        this.rest = rest;
        this.experiments = experiments;
    }

    @Override
    public TrainingJob submit(TrainingSpec spec) {
        Arguments.notNull("spec", spec);
        return (TrainingJob) job(rest.post(rest.url("training", "jobs"), spec));
    }

    @Override
    public TuningJob submit(TuningSpec spec) {
        Arguments.notNull("spec", spec);
        return (TuningJob) job(rest.post(rest.url("training", "tuning-jobs"), SpecJson.tuning(spec)));
    }

    @Override
    public TrainingJob job(String id) {
        Job j = job(fetch(id));
        if (j instanceof TrainingJob t) {
            return t;
        }
        throw new InvalidInputException("job", id, "is a " + j.kind() + " job, not a training job");
    }

    @Override
    public TuningJob tuningJob(String id) {
        Job j = job(fetch(id));
        if (j instanceof TuningJob t) {
            return t;
        }
        throw new InvalidInputException("job", id, "is a " + j.kind() + " job, not a tuning job");
    }

    JsonNode fetch(String id) {
        Arguments.identifier("job id", id);
        return rest.get(rest.url("training", "jobs", id));
    }

    @Override
    public List<Job> jobs(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit", limit, "must be between 1 and 10000");
        }
        List<Job> out = new ArrayList<>();
        rest.get(rest.url("training", "jobs").addQueryParameter("limit", Integer.toString(limit)))
                .forEach(n -> out.add(job(n)));
        return out;
    }

    @Override
    public List<AlgorithmInfo> algorithms() {
        List<AlgorithmInfo> out = new ArrayList<>();
        for (JsonNode a : rest.get(rest.url("training", "algorithms"))) {
            Set<Task> tasks = new HashSet<>();
            a.get("tasks").forEach(t -> tasks.add(Task.valueOf(t.asText())));
            List<ParamInfo> params = new ArrayList<>();
            a.get("params").forEach(p -> params.add(Json.convert(p, ParamInfo.class)));
            out.add(new AlgorithmInfo(a.get("name").asText(), tasks, a.path("library").asText(null), params,
                    a.path("exports_onnx").asBoolean(), a.path("description").asText(null)));
        }
        return out;
    }

    Job job(JsonNode n) {
        String kind = n.get("kind").asText();
        return kind.equals("tune") ? new RemoteJob.Tuning(this, n) : new RemoteJob.Training(this, n);
    }
}
