package io.aidos.training.internal.jobs;

import io.aidos.api.AiDosException;
import io.aidos.api.ArtifactInfo;
import io.aidos.api.Run;
import io.aidos.core.internal.jobs.JobContext;
import io.aidos.training.internal.algorithm.TrainingContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The {@link TrainingContext} of a job attempt: logs to the job, metrics to its run (one flush per
 * {@link #logMetrics} call, so an epoch's metrics are durable before its checkpoint), checkpoints as run artifacts
 * under {@code checkpoints/epoch-NNNNN/} with tag {@value #CHECKPOINT_TAG} naming the latest, so an attempt on
 * another worker resumes from it.
 */
final class JobTrainingContext implements TrainingContext {
    static final String CHECKPOINT_TAG = "aidos.checkpoint_epoch";

    private final Consumer<String> log;
    private final BooleanSupplier stop;
    private final Run run;
    private final long seed;
    private final Path scratch;
    private final Path cache;

    /** The context of {@code job}'s attempt, writing to {@code run}. */
    JobTrainingContext(JobContext job, Run run, long seed, Path scratch, Path cache) {
        this(job::log, job::shouldStop, run, seed, scratch, cache);
    }

    /** A context whose log lines go to {@code log} and which stops once {@code stop} says so. */
    JobTrainingContext(Consumer<String> log, BooleanSupplier stop, Run run, long seed, Path scratch, Path cache) {
        this.log = log;
        this.stop = stop;
        this.run = run;
        this.seed = seed;
        this.scratch = scratch;
        this.cache = cache;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public void log(String line) {
        log.accept(line);
    }

    @Override
    public void logMetrics(Map<String, Double> values, long step) {
        run.logMetrics(values, step);
        run.flush(); // one write per epoch: followers and tuning see it at once, before any checkpoint of it
    }

    @Override
    public boolean shouldStop() {
        return stop.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    @Override
    public Path scratch() {
        return scratch;
    }

    @Override
    public Path cacheFolder() {
        return cache;
    }

    @Override
    public void saveCheckpoint(int epoch, Path folder) {
        run.logArtifacts(prefix(epoch), folder);
        run.setTag(CHECKPOINT_TAG, String.valueOf(epoch));
        log.accept("checkpoint after epoch " + epoch + " stored with run " + run.id());
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        String epochTag = run.tags().get(CHECKPOINT_TAG);
        if (epochTag == null) {
            return Optional.empty();
        }
        int epoch = Integer.parseInt(epochTag);
        String prefix = prefix(epoch) + "/";
        Path target = scratch.resolve("checkpoint-" + epoch);
        try {
            Files.createDirectories(target);
            for (ArtifactInfo a : run.artifacts()) {
                if (a.path().startsWith(prefix)) {
                    Path file = target.resolve(a.path().substring(prefix.length())).normalize();
                    Files.createDirectories(file.getParent());
                    try (InputStream in = run.openArtifact(a.path())) {
                        Files.copy(in, file);
                    }
                }
            }
        } catch (IOException e) {
            throw new AiDosException("could not unpack checkpoint " + epoch + " of run " + run.id() + ": "
                    + e.getMessage(), e);
        }
        log.accept("resuming from the checkpoint after epoch " + epoch);
        return Optional.of(new Checkpoint(epoch, target));
    }

    private static String prefix(int epoch) {
        return String.format("checkpoints/epoch-%05d", epoch);
    }
}
