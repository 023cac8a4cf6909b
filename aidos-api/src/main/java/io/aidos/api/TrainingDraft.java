package io.aidos.api;

import io.aidos.spi.Arguments;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training job being described: {@code aidos.trainer().dataset("iris").target("species")...submit()}. Each setter
 * validates its value; {@link #submit()} checks that the required ones are there. Not thread-safe.
 */
public final class TrainingDraft {
    /** MLflow's name for the experiment runs go to when none is given. */
    public static final String DEFAULT_EXPERIMENT = "Default";
    public static final long DEFAULT_SEED = 42L;

    private final Trainer trainer;
    private String dataset;
    private int datasetVersion;
    private String target;
    private Task task;
    private String algorithm;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private double validationSplit = 0.2;
    private long seed = DEFAULT_SEED;
    private String experiment = DEFAULT_EXPERIMENT;
    private String runName;
    private String registerAs;

    public TrainingDraft(Trainer trainer) {
        this.trainer = Arguments.notNull("trainer", trainer);
    }

    /** The latest version of dataset {@code name} at submit time. */
    public TrainingDraft dataset(String name) {
        this.dataset = Arguments.identifier("dataset", name);
        this.datasetVersion = 0;
        return this;
    }

    /** Exactly this dataset version. */
    public TrainingDraft dataset(DatasetVersion version) {
        Arguments.notNull("dataset", version);
        this.dataset = version.datasetName();
        this.datasetVersion = version.version();
        return this;
    }

    /** The column to predict; required for classification and regression, left out of the features otherwise. */
    public TrainingDraft target(String column) {
        this.target = Arguments.displayName("target", column);
        return this;
    }

    /**
     * What to learn. Optional with a target: a STRING or BOOLEAN target, or a LONG one with at most 20 distinct
     * values, means CLASSIFICATION; other numbers mean REGRESSION.
     */
    public TrainingDraft task(Task task) {
        this.task = Arguments.notNull("task", task);
        return this;
    }

    /** See {@link Trainer#algorithms()} for the names and their parameters. */
    public TrainingDraft algorithm(String name) {
        this.algorithm = Arguments.identifier("algorithm", name);
        return this;
    }

    /** An algorithm parameter: a string, number or boolean; ranges are checked at submit. */
    public TrainingDraft param(String name, Object value) {
        Arguments.key("param name", name);
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new InvalidInputException("param " + name, value, "must be a string, number or boolean");
        }
        if (value instanceof String s) {
            Arguments.value("param " + name, s, Arguments.MAX_PARAM_VALUE_LENGTH);
        }
        params.put(name, value);
        return this;
    }

    public TrainingDraft params(Map<String, ?> values) {
        Arguments.notNull("params", values).forEach(this::param);
        return this;
    }

    /** The share of rows held out for evaluation, 0 (evaluate on the training rows) to 0.9; default 0.2. */
    public TrainingDraft validationSplit(double fraction) {
        if (!(fraction >= 0.0 && fraction <= 0.9)) {
            throw new InvalidInputException("validationSplit", fraction, "must be between 0.0 and 0.9");
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Seeds the split and the algorithm; same seed, same data, same params: the same model. Default 42. */
    public TrainingDraft seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The experiment the job's run goes to, created if needed; default {@value #DEFAULT_EXPERIMENT}. */
    public TrainingDraft experiment(String name) {
        this.experiment = Arguments.displayName("experiment", name);
        return this;
    }

    public TrainingDraft runName(String name) {
        this.runName = Arguments.displayName("runName", name);
        return this;
    }

    /** Registers the trained model as the next version of {@code modelName}. */
    public TrainingDraft registerAs(String modelName) {
        this.registerAs = Arguments.identifier("registerAs", modelName);
        return this;
    }

    /** The spec as set so far, with the required fields checked. */
    public TrainingSpec toSpec() {
        if (dataset == null) {
            throw new InvalidInputException("dataset", null, "is required");
        }
        if (task == null && target == null) {
            throw new InvalidInputException("task", null, "is required without a target (CLUSTERING or"
                    + " ANOMALY_DETECTION; with a target it defaults from the target's type)");
        }
        if (algorithm == null) {
            throw new InvalidInputException("algorithm", null, "is required");
        }
        if (task != null && task.supervised() && target == null) {
            throw new InvalidInputException("target", null, "is required for " + task);
        }
        return new TrainingSpec(dataset, datasetVersion, target, task, algorithm, params, validationSplit, seed,
                experiment, runName, registerAs);
    }

    /** Stores the job; a worker picks it up. Parameters and columns are checked before anything is stored. */
    public TrainingJob submit() {
        return trainer.submit(toSpec());
    }
}
