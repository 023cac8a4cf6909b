package io.aidos.training.internal.algorithm;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What an algorithm sees of its job: the seed, a log, per-epoch metrics to the run, a stop flag, and checkpoints
 * stored with the run (so a job retried on another worker resumes from them).
 */
public interface TrainingContext {

    long seed();

    /** Appends a line to the job's live log. */
    void log(String line);

    /**
     * Logs one step's metrics (an epoch's) to the job's run in one write: when it returns they are durable, so
     * followers and tuning see them at once and a checkpoint stored afterwards is never ahead of them. Log an
     * epoch's metrics together, not one by one: each call is a round trip to the store.
     */
    void logMetrics(Map<String, Double> values, long step);

    /** Logs one metric at {@code step}, as {@link #logMetrics} does (a round trip of its own). */
    default void logMetric(String name, double value, long step) {
        logMetrics(Map.of(name, value), step);
    }

    /** True once the job was cancelled or its worker lost the lease: stop soon (a checkpoint first, if any). */
    boolean shouldStop();

    /** A private scratch folder for this attempt, deleted afterwards. */
    Path scratch();

    /** A folder for library caches that survive jobs (DJL's natives), inside the AI-DOS data folder. */
    Path cacheFolder();

    /** Stores {@code folder}'s files as checkpoint {@code epoch} of the run; a resumed attempt gets the latest. */
    void saveCheckpoint(int epoch, Path folder);

    /** The latest stored checkpoint, unpacked into a fresh folder, with the epoch it was taken after. */
    Optional<Checkpoint> latestCheckpoint();

    /** A stored checkpoint: training resumes after {@code epoch}. */
    record Checkpoint(int epoch, Path folder) {
    }
}
