package io.aidos.server.internal;

import io.aidos.api.Dataset;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Experiment;
import io.aidos.api.Job;
import io.aidos.api.RegisteredModel;
import io.aidos.api.Run;
import io.aidos.api.TrainingJob;
import io.aidos.api.TuningJob;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of API objects (snake_case maps; records go through Jackson as they are). */
final class Views {

    private Views() {
    }

    static Map<String, Object> dataset(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("created_at", d.createdAt());
        return m;
    }

    static Map<String, Object> version(DatasetVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset_name", v.datasetName());
        m.put("version", v.version());
        m.put("message", v.message());
        m.put("created_at", v.createdAt());
        m.put("schema", v.schema().columns());
        m.put("row_count", v.rowCount());
        m.put("content_hash", v.contentHash());
        m.put("size_bytes", v.sizeBytes());
        return m;
    }

    static Map<String, Object> experiment(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("created_at", e.createdAt());
        return m;
    }

    static Map<String, Object> run(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("experiment_id", r.experimentId());
        m.put("name", r.name());
        m.put("status", r.status());
        m.put("start_time", r.startTime());
        m.put("end_time", r.endTime());
        return m;
    }

    static Map<String, Object> model(RegisteredModel rm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", rm.name());
        m.put("created_at", rm.createdAt());
        return m;
    }

    static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("kind", j.kind());
        m.put("status", j.status());
        m.put("error", j.error());
        m.put("attempts", j.attempts());
        m.put("created_at", j.createdAt());
        m.put("started_at", j.startedAt());
        m.put("finished_at", j.finishedAt());
        if (j instanceof TrainingJob t) {
            m.put("spec", SpecJson.training(t.spec()));
        } else if (j instanceof TuningJob t) {
            m.put("spec", SpecJson.tuning(t.spec()));
        }
        return m;
    }
}
