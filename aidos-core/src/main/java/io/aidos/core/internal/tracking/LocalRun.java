package io.aidos.core.internal.tracking;

import io.aidos.api.ArtifactInfo;
import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.api.RunStatus;
import io.aidos.core.internal.artifact.Blob;
import io.aidos.spi.Arguments;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run of the JDBC store. Identity fields are fixed; everything else is read from the store when asked. */
final class LocalRun implements Run {
    private final Tracking tracking;
    private final RunRecord record;
    private final MetricBuffer buffer;

    LocalRun(Tracking tracking, RunRecord record) {
        this.tracking = tracking;
        this.record = record;
        this.buffer = tracking.metrics.buffer(record.runId());
    }

    @Override
    public String id() {
        return record.runId();
    }

    @Override
    public String experimentId() {
        return Long.toString(record.experimentId());
    }

    @Override
    public String name() {
        return record.name();
    }

    @Override
    public RunStatus status() {
        return tracking.runs.get(id()).status();
    }

    @Override
    public Instant startTime() {
        return record.startTime();
    }

    @Override
    public Instant endTime() {
        return tracking.runs.get(id()).endTime();
    }

    @Override
    public Run logParam(String key, String value) {
        tracking.runs.logParam(id(), Arguments.key("param key", key),
                Arguments.value("param value", value, Arguments.MAX_PARAM_VALUE_LENGTH));
        return this;
    }

    @Override
    public Run logParams(Map<String, String> params) {
        Arguments.notNull("params", params).forEach(this::logParam);
        return this;
    }

    @Override
    public Run logMetric(String name, double value, long step) {
        tracking.metrics.log(buffer, buffer.checkKey(name), value, step, System.currentTimeMillis());
        return this;
    }

    @Override
    public Run logMetric(String name, double value) {
        return logMetric(name, value, 0);
    }

    @Override
    public Run logMetrics(Map<String, Double> values, long step) {
        Arguments.notNull("metrics", values);
        long now = System.currentTimeMillis();
        values.forEach((k, v) -> tracking.metrics.log(buffer, buffer.checkKey(k),
                Arguments.notNull("metric " + k, v), step, now));
        return this;
    }

    @Override
    public Run setTag(String key, String value) {
        tracking.runs.setTag(id(), Arguments.key("tag key", key),
                Arguments.value("tag value", value, Arguments.MAX_TAG_VALUE_LENGTH));
        return this;
    }

    @Override
    public Run logArtifact(String path, Path file) {
        Arguments.artifactPath("artifact path", path);
        Arguments.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("file", file, "must be an existing regular file");
        }
        Blob blob = tracking.blobs.put(file);
        tracking.runs.putArtifact(id(), path, blob);
        return this;
    }

    @Override
    public Run logArtifact(String path, byte[] content) {
        Arguments.artifactPath("artifact path", path);
        Blob blob = tracking.blobs.put(Arguments.notNull("content", content));
        tracking.runs.putArtifact(id(), path, blob);
        return this;
    }

    @Override
    public Map<String, String> params() {
        return tracking.runs.params(id());
    }

    @Override
    public Map<String, String> tags() {
        return tracking.runs.tags(id());
    }

    @Override
    public Map<String, Double> metrics() {
        flush();
        return MetricQueries.latest(tracking.db, id());
    }

    @Override
    public List<MetricPoint> metricHistory(String name) {
        Arguments.key("metric name", name);
        flush();
        return MetricChunks.history(tracking.db, id(), name);
    }

    @Override
    public List<ArtifactInfo> artifacts() {
        return tracking.runs.artifacts(id());
    }

    @Override
    public InputStream openArtifact(String path) {
        Arguments.artifactPath("artifact path", path);
        return artifacts().stream().filter(a -> a.path().equals(path)).findFirst()
                .map(a -> tracking.blobs.open(a.sha256()))
                .orElseThrow(() -> new ArtifactNotFoundException(path,
                        "artifact '" + path + "' not found in run " + id()));
    }

    @Override
    public void flush() {
        tracking.metrics.flush(buffer);
    }

    @Override
    public void end(RunStatus status) {
        Arguments.notNull("status", status);
        if (status == RunStatus.RUNNING) {
            throw new InvalidInputException("status", status, "must be FINISHED, FAILED or KILLED");
        }
        tracking.metrics.release(id());
        tracking.runs.end(id(), status, Instant.now());
    }

    @Override
    public void fail(Throwable cause) {
        if (cause != null) {
            setTag("aidos.error.class", cause.getClass().getName());
            String message = String.valueOf(cause.getMessage()).replaceAll("\\p{Cntrl}", " ");
            setTag("aidos.error.message", message.length() > 1000 ? message.substring(0, 1000) : message);
        }
        end(RunStatus.FAILED);
    }

    @Override
    public void close() {
        tracking.metrics.release(id());
        if (!tracking.runs.get(id()).status().isTerminal()) {
            tracking.runs.end(id(), RunStatus.FINISHED, Instant.now());
        }
    }

    @Override
    public String toString() {
        return "Run{id=" + id() + ", name=" + name() + ", experimentId=" + experimentId() + "}";
    }
}
