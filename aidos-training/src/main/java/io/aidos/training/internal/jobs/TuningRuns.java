package io.aidos.training.internal.jobs;

import io.aidos.api.Experiment;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.api.RunStatus;
import io.aidos.api.SearchSpace;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobContext;
import io.aidos.training.internal.tuning.EarlyStopper;
import io.aidos.training.internal.tuning.TrialParams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runs of a tuning job: the parent run (found again by its job tag on a retry), the tags on it that record each
 * trial's train job ({@code aidos.trial.0003}) and early stop ({@code aidos.stopped.0003}), and trial runs' curves.
 */
final class TuningRuns {
    static final String BEST_RUN_TAG = "aidos.best_run_id";
    private static final Pattern TRIAL_TAG = Pattern.compile("aidos\\.trial\\.(\\d+)");

    private TuningRuns() {
    }

    static Run findOrStartParent(LocalAiDos aidos, JobContext job, TuningSpec spec) {
        TrainingSpec base = spec.base();
        Experiment experiment = aidos.experiments().getOrCreate(base.experiment());
        Optional<Run> earlier = byJob(aidos, base.experiment(), job.id());
        if (earlier.isPresent() && earlier.get().status() == RunStatus.RUNNING) {
            return earlier.get();
        }
        String name = base.runName() != null ? base.runName() : "tune-" + base.algorithm() + "-"
                + job.id().substring(0, 8);
        Run run = experiment.startRun(name);
        run.setTag(JobRuns.JOB_TAG, job.id());
        run.setTag("aidos.algorithm", base.algorithm());
        run.setTag("aidos.dataset", base.dataset() + ":" + base.datasetVersion());
        Map<String, String> params = new LinkedHashMap<>();
        base.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
        for (SearchSpace.Dimension d : spec.space().dimensions()) {
            params.put("search." + d.name(), describe(d));
        }
        params.put("algorithm", base.algorithm());
        params.put("task", base.task().name());
        params.put("dataset", base.dataset());
        params.put("dataset_version", String.valueOf(base.datasetVersion()));
        if (base.target() != null) {
            params.put("target", base.target());
        }
        params.put("validation_split", String.valueOf(base.validationSplit()));
        params.put("seed", String.valueOf(base.seed()));
        params.put("objective", spec.objective());
        params.put("goal", spec.goal().name());
        params.put("strategy", spec.strategy().name());
        params.put("early_stopping", spec.earlyStopping().name());
        params.put("max_trials", String.valueOf(spec.maxTrials()));
        params.put("parallelism", String.valueOf(spec.parallelism()));
        run.logParams(params);
        return run;
    }

    /** {@code int 2..8}, {@code log_uniform 0.001..0.1}, {@code choice [gbtree, dart]}. */
    static String describe(SearchSpace.Dimension d) {
        return switch (d.kind()) {
            case INT -> "int " + (long) d.low() + ".." + (long) d.high();
            case CHOICE -> "choice " + d.choices();
            default -> d.kind().name().toLowerCase() + " " + TrialParams.format(d.low()) + ".."
                    + TrialParams.format(d.high());
        };
    }

    /** The run a job tagged with its id, if it has one yet. */
    static Optional<Run> byJob(LocalAiDos aidos, String experiment, String jobId) {
        List<Run> runs = aidos.experiments().searchRuns(RunQuery.in(experiment)
                .where("tags.`" + JobRuns.JOB_TAG + "` = '" + jobId + "'").orderBy("attributes.start_time DESC")
                .limit(10));
        return runs.stream().findFirst();
    }

    static String trialTag(int number) {
        return String.format("aidos.trial.%04d", number);
    }

    static String stoppedTag(int number) {
        return String.format("aidos.stopped.%04d", number);
    }

    /** Trial number to train job id, as recorded on the parent by earlier attempts. */
    static NavigableMap<Integer, String> recordedTrials(Run parent) {
        NavigableMap<Integer, String> trials = new TreeMap<>();
        parent.tags().forEach((k, v) -> {
            Matcher m = TRIAL_TAG.matcher(k);
            if (m.matches()) {
                trials.put(Integer.parseInt(m.group(1)), v);
            }
        });
        return trials;
    }

    /** The trial run's intermediate values of {@code objective} (see {@link EarlyStopper#curveMetrics}). */
    static NavigableMap<Long, Double> curve(Run run, String objective) {
        for (String name : EarlyStopper.curveMetrics(objective)) {
            NavigableMap<Long, Double> curve = new TreeMap<>();
            boolean validation = name.startsWith("val_");
            for (MetricPoint p : run.metricHistory(name)) {
                if (validation || p.step() >= 1) {
                    curve.put(p.step(), p.value());
                }
            }
            if (!curve.isEmpty()) {
                return curve;
            }
        }
        return new TreeMap<>();
    }
}
