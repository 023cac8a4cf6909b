package io.aidos.api;

import java.util.List;

/** Experiment tracking ("ModelHub"): {@code aidos.experiments()}. */
public interface Experiments {

    /** Creates the experiment, or {@link AlreadyExistsException}. */
    Experiment create(String name);

    /** The existing experiment or a new one; safe when several threads or processes race. */
    Experiment getOrCreate(String name);

    /** The experiment, or {@link ExperimentNotFoundException}. */
    Experiment get(String name);

    /** All experiments, by name. */
    List<Experiment> list();

    /** A run by id, or {@link RunNotFoundException}. */
    Run getRun(String runId);

    /**
     * Runs matching {@code query}, e.g.
     * {@code RunQuery.in("iris").where("metrics.accuracy > 0.9").orderBy("metrics.accuracy DESC").limit(10)}.
     * A bad filter fails with {@link InvalidInputException} naming the problem.
     */
    List<Run> searchRuns(RunQuery query);
}
