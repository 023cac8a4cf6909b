package io.aidos.api;

import java.time.Instant;
import java.util.List;

/** A named group of runs. */
public interface Experiment {

    /** Store-assigned id (a decimal number, as in MLflow). */
    String id();

    String name();

    Instant createdAt();

    /** Starts a run with a generated name; status RUNNING until {@link Run#close()}. */
    Run startRun();

    /** Starts a run with the given display name. */
    Run startRun(String runName);

    /** This experiment's runs, newest first. */
    List<Run> runs();
}
