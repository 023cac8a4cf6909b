package io.aidos.api;

import java.util.List;

/**
 * Real training as persistent jobs: {@code aidos.trainer()}. A submitted job is stored first and then run by a
 * worker (the embedded backend runs one in-process worker; more worker processes may share a PostgreSQL store).
 *
 * <pre>{@code
 * TrainingJob job = aidos.trainer().dataset("iris").target("species").task(Task.CLASSIFICATION)
 *         .algorithm("logistic-regression").registerAs("iris").submit();
 * TrainingResult r = job.await(Duration.ofMinutes(5));
 * }</pre>
 */
public interface Trainer {

    /** Starts describing a training job on the latest version of dataset {@code name}. */
    default TrainingDraft dataset(String name) {
        return new TrainingDraft(this).dataset(name);
    }

    /** Starts describing a training job on exactly {@code version}. */
    default TrainingDraft dataset(DatasetVersion version) {
        return new TrainingDraft(this).dataset(version);
    }

    /** Starts describing a hyperparameter search. */
    default TuningDraft tune() {
        return new TuningDraft(this);
    }

    /** Validates {@code spec} against the algorithm and the dataset, stores the job and returns it. */
    TrainingJob submit(TrainingSpec spec);

    /** Validates {@code spec}, stores the tuning job and returns it. */
    TuningJob submit(TuningSpec spec);

    /** The training job, or {@link NotFoundException}. */
    TrainingJob job(String id);

    /** The tuning job, or {@link NotFoundException}. */
    TuningJob tuningJob(String id);

    /** Recent jobs of both kinds, newest first (at most {@code limit}). */
    List<Job> jobs(int limit);

    /** The 100 most recent jobs, newest first. */
    default List<Job> jobs() {
        return jobs(100);
    }

    /** The algorithms this backend can train, with their parameters and allowed ranges. */
    List<AlgorithmInfo> algorithms();
}
