package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Run;
import io.aidos.api.RunStatus;
import io.aidos.api.TrainingSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobContext;
import io.aidos.core.internal.jobs.JobHandler;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.DataLoader;
import io.aidos.training.internal.data.TrainingData;
import io.aidos.training.internal.eval.Evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs a {@code train} job on a worker (a tuning trial is one whose spec names a parent run): finds or starts the job's run (a retried job continues its run and resumes
 * from its checkpoint), loads and encodes the data, trains, evaluates on the held-out rows, stores the model folder
 * ({@code model/}: model files, ONNX where the library exports it, {@code aidos-model.json} with provenance) and
 * registers it when asked.
 */
final class TrainingHandler implements JobHandler {
    static final String KIND = "train";

    private final LocalAiDos aidos;
    private final AlgorithmCatalog catalog;

    TrainingHandler(LocalAiDos aidos, AlgorithmCatalog catalog) {
        this.aidos = aidos;
        this.catalog = catalog;
    }

    @Override
    public String run(JobContext job) throws Exception {
        TrainingSpec spec = SpecJson.training(job.spec());
        TrainingOutcome outcome = train(job, spec, SpecJson.parentRunId(job.spec()));
        return SpecJson.write(outcome.toResult());
    }

    /** Trains {@code spec} for {@code job}; {@code parentRunId} makes the run a child (a tuning trial). */
    TrainingOutcome train(JobContext job, TrainingSpec spec, String parentRunId) throws Exception {
        LocalAiDos aidos = this.aidos.forOrganization(job.orgId());
        Algorithm algorithm = catalog.get(spec.algorithm(), spec.task());
        Params params = Params.validate(spec.algorithm(), algorithm.info().params(), spec.params());
        DatasetVersion version = aidos.datasets().get(spec.dataset()).version(spec.datasetVersion());
        Run run = JobRuns.findOrStart(aidos, job, spec, parentRunId);
        job.log("attempt " + job.attempt() + "/" + job.maxAttempts() + ": " + spec.algorithm() + " on "
                + spec.dataset() + " v" + spec.datasetVersion() + " (" + spec.task() + "), run " + run.id());
        Path scratch = Files.createTempDirectory(aidos.blobs().tempFolder(), "job-" + job.id() + "-");
        try {
            JobRuns.recordInputs(run, spec, params, version);
            TrainingData data = DataLoader.load(version, spec, job::log);
            JobTrainingContext context = new JobTrainingContext(job, run, spec.seed(), scratch,
                    aidos.dataFolder().resolve("cache"));
            long started = System.nanoTime();
            try (TrainedModel model = algorithm.train(data, params, context)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                if (!job.beginCompleting()) { // past this point a late cancel is ignored: the results get stored
                    throw new CancellationException("stopped on request");
                }
                job.log(String.format("trained in %.2f s; evaluating on %d %s rows", seconds, data.validX().length,
                        data.heldOut() ? "validation" : "training"));
                long evaluating = System.nanoTime();
                Evaluation evaluation = Evaluation.of(data, model);
                job.log(String.format("evaluated in %.2f s; storing the model", (System.nanoTime() - evaluating) / 1e9));
                Map<String, Double> metrics = new LinkedHashMap<>(evaluation.metrics());
                metrics.put("training_seconds", seconds);
                run.logMetrics(metrics, 0);
                if (evaluation.confusionMatrixJson() != null) {
                    run.logArtifact("evaluation/confusion_matrix.json",
                            evaluation.confusionMatrixJson().getBytes(StandardCharsets.UTF_8));
                }
                ObjectNode provenance = JobRuns.provenance(spec, params, version, model, run, job);
                Path folder = ModelFolder.write(scratch.resolve("model"), model, data, spec, provenance,
                        algorithm.info().exportsOnnx(), job::log);
                job.log(String.format("model files written in %.2f s", (System.nanoTime() - evaluating) / 1e9));
                run.logArtifacts(ModelFolder.ARTIFACT_PATH, folder);
                job.log(String.format("model stored in %.2f s", (System.nanoTime() - evaluating) / 1e9));
                ModelVersion registered = spec.registerAs() == null ? null
                        : aidos.models().register(spec.registerAs(), run.id(), ModelFolder.ARTIFACT_PATH);
                job.log(summary(metrics, registered));
                run.end(RunStatus.FINISHED);
                return new TrainingOutcome(run, metrics, registered);
            }
        } catch (CancellationException | InterruptedException e) {
            if (job.cancelled()) {
                run.end(RunStatus.KILLED);
            } else {
                job.log("stopped (worker shutting down or lease lost); the run stays open and the job resumes from"
                        + " its last checkpoint");
            }
            throw e;
        } catch (Exception | Error e) {
            boolean last = e instanceof InvalidInputException || job.attempt() >= job.maxAttempts();
            if (last && !job.shouldStop()) {
                run.fail(e);
            } else {
                job.log("attempt " + job.attempt() + " failed (" + e + "); the run stays open for the retry");
            }
            throw e;
        } finally {
            ModelFolder.deleteTree(scratch);
        }
    }

    private static String summary(Map<String, Double> metrics, ModelVersion registered) {
        StringBuilder sb = new StringBuilder("done:");
        metrics.forEach((k, v) -> sb.append(' ').append(k).append('=').append(String.format("%.4f", v)));
        if (registered != null) {
            sb.append("; registered ").append(registered.modelName()).append(" version ").append(registered.version());
        }
        return sb.toString();
    }
}
