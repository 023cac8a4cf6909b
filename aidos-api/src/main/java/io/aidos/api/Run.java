package io.aidos.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tracked run. Thread-safe: many threads may log to one run. Metrics are buffered and written in batches;
 * {@link #flush()} and {@link #close()} return only once everything logged before is durable.
 *
 * <p>Accessors read the store, so a handle always shows current data.
 */
public interface Run extends AutoCloseable {

    /** 32 lower-case hex digits. */
    String id();

    String experimentId();

    String name();

    RunStatus status();

    Instant startTime();

    /** Null while RUNNING. */
    Instant endTime();

    /** Logs a parameter. Parameters are immutable: the same value again is fine, another value is a
     * {@link ConflictException}. */
    Run logParam(String key, String value);

    Run logParams(Map<String, String> params);

    /** Logs {@code value} (NaN allowed) at {@code step}, timestamped now. */
    Run logMetric(String name, double value, long step);

    /** Logs {@code value} at step 0. */
    Run logMetric(String name, double value);

    Run logMetrics(Map<String, Double> values, long step);

    /** Sets (or overwrites) a tag. */
    Run setTag(String key, String value);

    /** Stores {@code file} as {@code path} inside the run (content-addressed: identical files are kept once). */
    Run logArtifact(String path, Path file);

    /** Stores {@code content} as {@code path} inside the run. */
    Run logArtifact(String path, byte[] content);

    /**
     * Stores every file under {@code directory} below {@code pathPrefix} (as {@code pathPrefix/relative/path}), in
     * path order, through {@link #logArtifact(String, Path)}.
     */
    default Run logArtifacts(String pathPrefix, Path directory) {
        io.aidos.spi.Arguments.artifactPath("artifact path", pathPrefix);
        if (directory == null || !java.nio.file.Files.isDirectory(directory)) {
            throw new InvalidInputException("directory", directory, "must be an existing directory");
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(directory)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                logArtifact(pathPrefix + "/" + relative, file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
        }
        return this;
    }

    Map<String, String> params();

    Map<String, String> tags();

    /** The latest value of each metric (highest step, then latest timestamp). Flushes first. */
    Map<String, Double> metrics();

    /** All points of one metric by step then time. Flushes first. */
    List<MetricPoint> metricHistory(String name);

    List<ArtifactInfo> artifacts();

    /** Opens an artifact for reading, or {@link ArtifactNotFoundException}. */
    InputStream openArtifact(String path);

    /** Writes buffered metrics; returns once they are durable. */
    void flush();

    /** Ends the run with {@code status} (FINISHED, FAILED or KILLED) after flushing. */
    void end(RunStatus status);

    /** Ends the run as FAILED and records the exception's class and message as tags. */
    void fail(Throwable cause);

    /** Flushes and ends the run as FINISHED, unless it already ended. */
    @Override
    void close();
}
