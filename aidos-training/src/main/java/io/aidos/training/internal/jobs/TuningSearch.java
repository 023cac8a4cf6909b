package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.EarlyStopping;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Run;
import io.aidos.api.TuningSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobContext;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobRecord;
import io.aidos.training.internal.tuning.EarlyStopper;
import io.aidos.training.internal.tuning.Observation;
import io.aidos.training.internal.tuning.TrialParams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The trials of one tuning job and what the coordinator learned of them from the queue and their runs. A trial
 * stopped early ends CANCELLED without a final metric; its last intermediate value is its value for the strategy,
 * but it has no model, so it can never be the best trial. A trial that finished before its stop took effect counts
 * as an ordinary finished trial.
 */
final class TuningSearch {
    private final LocalAiDos aidos;
    private final JobQueue queue;
    private final JobContext job;
    private final TuningSpec spec;
    private final Run parent;
    private final List<TuningTrial> trials = new ArrayList<>();
    private TuningTrial best;

    TuningSearch(LocalAiDos aidos, JobQueue queue, JobContext job, TuningSpec spec, Run parent) {
        this.aidos = aidos;
        this.queue = queue;
        this.job = job;
        this.spec = spec;
        this.parent = parent;
    }

    /** Takes over the trials an earlier attempt recorded on the parent run: ended ones count, running ones go on. */
    void recover() {
        Map<String, String> tags = parent.tags();
        TuningRuns.recordedTrials(parent).forEach((number, jobId) -> {
            JobRecord r = queue.find(jobId).orElse(null);
            if (r == null) {
                return;
            }
            TuningTrial t = new TuningTrial(number, TuningHandler.searchedParams(spec, r), jobId);
            t.stoppedEarly = tags.containsKey(TuningRuns.stoppedTag(number));
            trials.add(t);
            if (r.status().isFinal()) {
                end(t, r, " (recovered)");
            }
        });
        if (!trials.isEmpty()) {
            job.log("recovered " + trials.size() + " trials of an earlier attempt, " + inFlight() + " still running");
        }
    }

    void add(TuningTrial trial) {
        trials.add(trial);
    }

    int size() {
        return trials.size();
    }

    int inFlight() {
        return (int) trials.stream().filter(t -> !t.ended).count();
    }

    int stoppedEarly() {
        return (int) trials.stream().filter(t -> t.ended && t.stoppedEarly && !t.succeeded).count();
    }

    TuningTrial best() {
        return best;
    }

    List<Observation> history() {
        return trials.stream().map(TuningTrial::observation).toList();
    }

    /** Looks at every trial in flight: records the ended ones, and stops those the rule says should stop. */
    void update(EarlyStopper stopper) {
        for (TuningTrial t : trials) {
            if (t.ended) {
                continue;
            }
            JobRecord r = queue.get(t.jobId);
            if (r.status().isFinal()) {
                end(t, r, "");
            } else if (spec.earlyStopping() != EarlyStopping.NONE && !t.stoppedEarly && run(t) != null) {
                t.curve = TuningRuns.curve(run(t), spec.objective());
                if (!t.curve.isEmpty() && stopper.shouldStop(t.number, curves())) {
                    queue.cancel(t.jobId);
                    t.stoppedEarly = true;
                    parent.setTag(TuningRuns.stoppedTag(t.number), String.valueOf(t.curve.lastKey()));
                    job.log("stopping trial " + t.number + " at step " + t.curve.lastKey() + " ("
                            + spec.earlyStopping() + ")");
                }
            }
        }
    }

    /** Asks every trial in flight to stop (the tuning job was cancelled or failed for good). */
    void cancelInFlight() {
        for (TuningTrial t : trials) {
            if (!t.ended) {
                queue.cancel(t.jobId);
            }
        }
    }

    private Map<Integer, NavigableMap<Long, Double>> curves() {
        Map<Integer, NavigableMap<Long, Double>> curves = new HashMap<>();
        trials.stream().filter(t -> !t.curve.isEmpty()).forEach(t -> curves.put(t.number, t.curve));
        return curves;
    }

    private Run run(TuningTrial t) {
        if (t.runId == null) {
            TuningRuns.byJob(aidos, spec.base().experiment(), t.jobId).ifPresent(run -> t.runId = run.id());
        }
        return t.runId == null ? null : aidos.experiments().getRun(t.runId);
    }

    private void end(TuningTrial t, JobRecord r, String note) {
        t.ended = true;
        String outcome;
        switch (r.status()) {
            case SUCCEEDED -> {
                JsonNode result = SpecJson.tree(r.result());
                t.runId = result.get("run_id").asText();
                t.value = objective(t, result.path("metrics"));
                t.succeeded = true;
                outcome = spec.objective() + "=" + String.format("%.4f", t.value);
            }
            case CANCELLED -> {
                Run run = run(t);
                if (t.stoppedEarly && run != null) {
                    t.curve = TuningRuns.curve(run, spec.objective());
                }
                if (t.stoppedEarly && !t.curve.isEmpty()) {
                    t.value = t.curve.lastEntry().getValue();
                    outcome = "stopped early at step " + t.curve.lastKey() + ", last " + spec.objective() + "="
                            + String.format("%.4f", t.value);
                } else {
                    outcome = t.stoppedEarly ? "stopped early before it reported" : "cancelled";
                }
            }
            default -> outcome = "failed: " + r.error();
        }
        if (t.succeeded && spec.earlyStopping() != EarlyStopping.NONE && run(t) != null) {
            t.curve = TuningRuns.curve(run(t), spec.objective());
        }
        if (t.succeeded && Double.isFinite(t.value) && (best == null || spec.goal().better(t.value, best.value))) {
            best = t;
        }
        String bestText = best == null ? "none yet" : String.format("%.4f", best.value);
        job.log("trial " + t.number + "/" + spec.maxTrials() + " " + TrialParams.describe(t.params) + " -> "
                + outcome + " (best " + bestText + ")" + note);
        if (best != null) {
            parent.logMetric("best_" + spec.objective(), best.value, t.number);
            parent.flush();
        }
    }

    /** The objective from the trial's result metrics, else the run's latest value of that metric. */
    private double objective(TuningTrial t, JsonNode metrics) {
        if (metrics.has(spec.objective())) {
            return metrics.get(spec.objective()).asDouble();
        }
        Double logged = aidos.experiments().getRun(t.runId).metrics().get(spec.objective());
        if (logged != null) {
            return logged;
        }
        throw new InvalidInputException("objective", spec.objective(), "is not a metric the trials log (trial "
                + t.number + " logged " + TuningHandler.metricNames(metrics) + ")");
    }
}
