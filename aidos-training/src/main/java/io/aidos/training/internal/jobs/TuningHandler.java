package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.ParamInfo;
import io.aidos.api.Run;
import io.aidos.api.RunStatus;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobContext;
import io.aidos.core.internal.jobs.JobHandler;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobRecord;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import io.aidos.training.internal.tuning.EarlyStopper;
import io.aidos.training.internal.tuning.Strategy;
import io.aidos.training.internal.tuning.TrialParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs a {@code tune} job: the coordinator. It starts (or, on a retry, finds) the parent run, then keeps up to
 * {@code parallelism} trials in flight, each an ordinary {@code train} job on the queue whose run is a child of the
 * parent, so any worker sharing the store may run it. It polls its trials, applies early stopping, logs one line
 * per ended trial and {@code best_<objective>} on the parent, and at the end tags the parent with the best run and
 * registers the best trial's model when asked. Cancelling it cancels its trials; a retry (its worker was lost)
 * recovers the trials recorded on the parent and goes on.
 */
final class TuningHandler implements JobHandler {
    static final String KIND = "tune";

    private final Runnable trialSubmitted;
    private final LocalAiDos aidos;
    private final JobQueue queue;
    private final AlgorithmCatalog catalog;
    private final Duration poll;

    /** {@code trialSubmitted} wakes this process's training worker, so it claims a new trial at once. */
    TuningHandler(LocalAiDos aidos, JobQueue queue, AlgorithmCatalog catalog, Duration poll, Runnable trialSubmitted) {
        this.trialSubmitted = trialSubmitted;
        this.aidos = aidos;
        this.queue = queue;
        this.catalog = catalog;
        this.poll = poll;
    }

    @Override
    public String run(JobContext job) throws Exception {
        // The job's organization: its runs, its dataset, its trials (submitted into it) and its registry.
        LocalAiDos aidos = this.aidos.forOrganization(job.orgId());
        JobQueue queue = this.queue.forOrganization(job.orgId());
        TuningSpec spec = SpecJson.tuning(job.spec());
        Run parent = TuningRuns.findOrStartParent(aidos, job, spec);
        TuningSearch search = new TuningSearch(aidos, queue, job, spec, parent);
        job.log("attempt " + job.attempt() + "/" + job.maxAttempts() + ": tuning " + spec.base().algorithm() + " on "
                + spec.base().dataset() + " v" + spec.base().datasetVersion() + ", " + spec.strategy() + ", up to "
                + spec.maxTrials() + " trials, " + spec.parallelism() + " at a time; parent run " + parent.id());
        try {
            search.recover();
            loop(job, spec, parent, search, queue);
            return finish(job, spec, parent, search, aidos);
        } catch (CancellationException | InterruptedException e) {
            if (job.cancelled()) {
                search.cancelInFlight();
                parent.end(RunStatus.KILLED);
            }
            throw e;
        } catch (Exception | Error e) {
            boolean last = e instanceof InvalidInputException || job.attempt() >= job.maxAttempts();
            if (last && !job.shouldStop()) {
                search.cancelInFlight();
                parent.fail(e);
            } else {
                job.log("attempt " + job.attempt() + " failed (" + e + "); the search goes on in the retry");
            }
            throw e;
        }
    }

    private void loop(JobContext job, TuningSpec spec, Run parent, TuningSearch search, JobQueue queue)
            throws Exception {
        Strategy strategy = Strategy.of(spec.strategy(), spec.space(), spec.goal(), spec.base().seed(),
                spec.maxTrials());
        EarlyStopper stopper = EarlyStopper.of(spec.earlyStopping(), spec.goal());
        List<ParamInfo> infos = catalog.get(spec.base().algorithm(), spec.base().task()).info().params();
        boolean exhausted = false;
        while (true) {
            if (job.shouldStop()) {
                throw new CancellationException("stopped on request");
            }
            search.update(stopper);
            while (!exhausted && search.inFlight() < spec.parallelism() && search.size() < spec.maxTrials()) {
                var proposed = strategy.next(search.history());
                if (proposed.isEmpty()) {
                    exhausted = true;
                    job.log("the grid is exhausted after " + search.size() + " trials");
                } else {
                    submit(spec, parent, search, TrialParams.fit(infos, proposed.get()), queue);
                }
            }
            if (search.inFlight() == 0 && (exhausted || search.size() >= spec.maxTrials())) {
                return;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private void submit(TuningSpec spec, Run parent, TuningSearch search, Map<String, Object> trialParams,
                        JobQueue queue) {
        int number = search.size() + 1;
        TrainingSpec base = spec.base();
        Map<String, Object> params = new LinkedHashMap<>(base.params());
        params.putAll(trialParams);
        String name = (base.runName() != null ? base.runName() : base.algorithm()) + "-trial-" + number;
        TrainingSpec trial = base.withParams(params).withRun(name, null);
        String jobId = queue.submit(TrainingHandler.KIND, SpecJson.writeTraining(trial, parent.id()),
                LocalTrainer.MAX_ATTEMPTS);
        trialSubmitted.run();
        parent.setTag(TuningRuns.trialTag(number), jobId);
        search.add(new TuningTrial(number, trialParams, jobId));
    }

    private String finish(JobContext job, TuningSpec spec, Run parent, TuningSearch search, LocalAiDos aidos) {
        TuningTrial best = search.best();
        if (best == null) {
            throw new InvalidInputException("objective", spec.objective(), "has no value: none of the "
                    + search.size() + " trials finished with it");
        }
        parent.setTag(TuningRuns.BEST_RUN_TAG, best.runId);
        ModelVersion registered = spec.base().registerAs() == null ? null
                : aidos.models().register(spec.base().registerAs(), best.runId, ModelFolder.ARTIFACT_PATH);
        job.log("done: best trial " + best.number + " " + TrialParams.describe(best.params) + " -> "
                + spec.objective() + "=" + String.format("%.4f", best.value) + ", run " + best.runId
                + "; " + search.size() + " trials, " + search.stoppedEarly() + " stopped early"
                + (registered == null ? "" : "; registered " + registered.modelName() + " version "
                + registered.version()));
        parent.end(RunStatus.FINISHED);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run_id", parent.id());
        result.put("best_run_id", best.runId);
        result.put("best_params", best.params);
        result.put("best_value", best.value);
        result.put("trials", search.size());
        result.put("stopped_early", search.stoppedEarly());
        if (registered != null) {
            result.put("model_name", registered.modelName());
            result.put("model_version", registered.version());
        }
        return SpecJson.write(result);
    }

    /** The trial's params as a train job stored them (only the searched ones). */
    static Map<String, Object> searchedParams(TuningSpec spec, JobRecord trialJob) {
        Map<String, Object> all = SpecJson.training(trialJob.spec()).params();
        Map<String, Object> out = new LinkedHashMap<>();
        spec.space().dimensions().forEach(d -> out.put(d.name(), all.get(d.name())));
        return out;
    }

    static List<String> metricNames(JsonNode metrics) {
        List<String> names = new ArrayList<>();
        metrics.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
