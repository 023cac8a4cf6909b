package io.aidos.api;

import java.util.Map;

/**
 * Everything a training job needs, as stored with the job. Built and validated by {@link TrainingDraft};
 * {@code datasetVersion} is concrete once submitted (0 in a draft means "latest at submit time").
 * Parameter values are strings, numbers or booleans. {@code task} may be null in a draft with a target: the trainer
 * then decides it from the target column's type.
 */
public record TrainingSpec(String dataset, int datasetVersion, String target, Task task, String algorithm,
                           Map<String, Object> params, double validationSplit, long seed, String experiment,
                           String runName, String registerAs) {
    public TrainingSpec {
        params = Map.copyOf(params);
    }

    /** This spec with other params (used by tuning for each trial). */
    public TrainingSpec withParams(Map<String, Object> newParams) {
        return new TrainingSpec(dataset, datasetVersion, target, task, algorithm, newParams, validationSplit, seed,
                experiment, runName, registerAs);
    }

    /** This spec with the task decided. */
    public TrainingSpec withTask(Task decided) {
        return new TrainingSpec(dataset, datasetVersion, target, decided, algorithm, params, validationSplit, seed,
                experiment, runName, registerAs);
    }

    /** This spec pinned to a dataset version. */
    public TrainingSpec withDatasetVersion(int version) {
        return new TrainingSpec(dataset, version, target, task, algorithm, params, validationSplit, seed, experiment,
                runName, registerAs);
    }

    /** This spec with another run name and registration target (null: do not register). */
    public TrainingSpec withRun(String newRunName, String newRegisterAs) {
        return new TrainingSpec(dataset, datasetVersion, target, task, algorithm, params, validationSplit, seed,
                experiment, newRunName, newRegisterAs);
    }
}
