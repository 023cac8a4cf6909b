package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Experiment;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.api.RunStatus;
import io.aidos.api.TrainingSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobContext;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run a job writes to: found again by its job tag on a retry, its inputs recorded once, its provenance. */
final class JobRuns {
    static final String JOB_TAG = "aidos.job_id";
    /** MLflow's tag for nested runs, so MLflow tools show tuning trials under their search. */
    static final String PARENT_TAG = "mlflow.parentRunId";

    private JobRuns() {
    }

    /** The job's open run from an earlier attempt, or a new one. */
    static Run findOrStart(LocalAiDos aidos, JobContext job, TrainingSpec spec, String parentRunId) {
        Experiment experiment = aidos.experiments().getOrCreate(spec.experiment());
        List<Run> earlier = aidos.experiments().searchRuns(RunQuery.in(spec.experiment())
                .where("tags.`" + JOB_TAG + "` = '" + job.id() + "'").limit(10));
        for (Run r : earlier) {
            if (r.status() == RunStatus.RUNNING) {
                return r;
            }
        }
        String name = spec.runName() != null ? spec.runName() : spec.algorithm() + "-" + job.id().substring(0, 8);
        Run run = experiment.startRun(name);
        run.setTag(JOB_TAG, job.id());
        if (parentRunId != null) {
            run.setTag(PARENT_TAG, parentRunId);
        }
        return run;
    }

    /** Logs params and data tags the first time (params are immutable, so a retry skips this). */
    static void recordInputs(Run run, TrainingSpec spec, Params params, DatasetVersion version) {
        if (!run.params().isEmpty()) {
            return;
        }
        Map<String, String> logged = new LinkedHashMap<>();
        params.asMap().forEach((k, v) -> logged.put(k, String.valueOf(v)));
        logged.put("algorithm", spec.algorithm());
        logged.put("task", spec.task().name());
        logged.put("dataset", spec.dataset());
        logged.put("dataset_version", String.valueOf(spec.datasetVersion()));
        if (spec.target() != null) {
            logged.put("target", spec.target());
        }
        logged.put("validation_split", String.valueOf(spec.validationSplit()));
        logged.put("seed", String.valueOf(spec.seed()));
        run.logParams(logged);
        run.setTag("aidos.algorithm", spec.algorithm());
        run.setTag("aidos.dataset", spec.dataset() + ":" + spec.datasetVersion());
        run.setTag("aidos.dataset_hash", version.contentHash());
    }

    static ObjectNode provenance(TrainingSpec spec, Params params, DatasetVersion version, TrainedModel model,
                                 Run run, JobContext job) {
        ObjectNode p = SpecJson.JSON.createObjectNode();
        ObjectNode data = p.putObject("dataset");
        data.put("name", version.datasetName());
        data.put("version", version.version());
        data.put("content_hash", version.contentHash());
        data.put("rows", version.rowCount());
        p.put("algorithm", spec.algorithm());
        p.put("task", spec.task().name());
        if (spec.target() != null) {
            p.put("target", spec.target());
        }
        p.set("params", SpecJson.JSON.valueToTree(params.asMap()));
        p.put("seed", spec.seed());
        p.put("validation_split", spec.validationSplit());
        ObjectNode libraries = p.putObject("libraries");
        model.libraryVersions().forEach(libraries::put);
        libraries.put("java", System.getProperty("java.version"));
        String aidosVersion = JobRuns.class.getPackage().getImplementationVersion();
        libraries.put("aidos", aidosVersion == null ? "development" : aidosVersion);
        p.put("run_id", run.id());
        p.put("experiment_id", run.experimentId());
        p.put("job_id", job.id());
        p.put("trained_at", Instant.now().toString());
        return p;
    }
}
