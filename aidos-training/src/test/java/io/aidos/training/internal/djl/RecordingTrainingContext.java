package io.aidos.training.internal.djl;

import io.aidos.training.internal.algorithm.TrainingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * A {@link TrainingContext} for tests: keeps log lines, metrics and the calls that logged them in memory and
 * checkpoints in a temp folder (a copy, as the real store keeps one). {@code stopAt} sees how many times
 * {@link #shouldStop()} was asked.
 */
final class RecordingTrainingContext implements TrainingContext {
    /** All tests share one native cache: the first start in the JVM unpacks PyTorch there, later runs reuse it. */
    static final Path CACHE = Path.of("target", "djl-cache").toAbsolutePath();

    record Metric(String name, double value, long step) {
    }

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Metric> metrics = new CopyOnWriteArrayList<>();
    final List<Integer> checkpointEpochs = new ArrayList<>();
    /** Each {@link #logMetrics} call ({@code metrics STEP [names]}) and checkpoint ({@code checkpoint EPOCH}). */
    final List<String> events = new CopyOnWriteArrayList<>();
    private final long seed;
    private final Path folder;
    private IntPredicate stopAt = asked -> false;
    private int asked;
    private Checkpoint stored;

    RecordingTrainingContext(long seed, Path folder) {
        this.seed = seed;
        this.folder = folder;
    }

    /** Stops when {@code predicate} holds for the number of {@link #shouldStop()} calls so far. */
    RecordingTrainingContext stopWhen(IntPredicate predicate) {
        this.stopAt = predicate;
        return this;
    }

    /** Starts with {@code checkpoint} stored, as a retried job on another worker would. */
    RecordingTrainingContext withCheckpoint(Checkpoint checkpoint) {
        this.stored = checkpoint;
        return this;
    }

    List<Double> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).map(Metric::value).toList();
    }

    Optional<Checkpoint> stored() {
        return Optional.ofNullable(stored);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public void log(String line) {
        lines.add(line);
        System.out.println(line);
    }

    @Override
    public void logMetrics(Map<String, Double> values, long step) {
        values.forEach((name, value) -> metrics.add(new Metric(name, value, step)));
        events.add("metrics " + step + " " + values.keySet());
    }

    @Override
    public boolean shouldStop() {
        return stopAt.test(++asked);
    }

    @Override
    public Path scratch() {
        return mkdirs(folder.resolve("scratch"));
    }

    @Override
    public Path cacheFolder() {
        return CACHE;
    }

    @Override
    public void saveCheckpoint(int epoch, Path source) {
        Path copy = mkdirs(folder.resolve("checkpoints").resolve("epoch-" + epoch));
        copyFiles(source, copy);
        stored = new Checkpoint(epoch, copy);
        checkpointEpochs.add(epoch);
        events.add("checkpoint " + epoch);
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        if (stored == null) {
            return Optional.empty();
        }
        Path fresh = mkdirs(folder.resolve("unpacked-" + System.nanoTime()));
        copyFiles(stored.folder(), fresh);
        return Optional.of(new Checkpoint(stored.epoch(), fresh));
    }

    private static void copyFiles(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
