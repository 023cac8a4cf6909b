package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.ArtifactInfo;
import io.aidos.api.InvalidInputException;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.api.RunStatus;
import io.aidos.spi.Arguments;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run on the server. Metrics go through the client's {@link MetricBatcher}; reads flush first. */
final class RemoteRun implements Run {
    private final RemoteExperiments owner;
    private final String id;
    private final String experimentId;
    private final String name;
    private final Instant startTime;
    private final RunArtifacts artifacts;

    RemoteRun(RemoteExperiments owner, JsonNode n) {
        this.owner = owner;
        this.id = n.get("id").asText();
        this.experimentId = n.get("experiment_id").asText();
        this.name = n.get("name").asText();
        this.startTime = Json.instant(n.get("start_time"));
        this.artifacts = new RunArtifacts(owner.rest, id);
    }

    private Rest rest() {
        return owner.rest;
    }

    private JsonNode state() {
        return rest().get(rest().url("runs", id));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String experimentId() {
        return experimentId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunStatus status() {
        return RunStatus.valueOf(state().get("status").asText());
    }

    @Override
    public Instant startTime() {
        return startTime;
    }

    @Override
    public Instant endTime() {
        return Json.instant(state().get("end_time"));
    }

    @Override
    public Run logParam(String key, String value) {
        return logParams(Map.of(Arguments.key("param key", key),
                Arguments.value("param value", value, Arguments.MAX_PARAM_VALUE_LENGTH)));
    }

    @Override
    public Run logParams(Map<String, String> params) {
        Arguments.notNull("params", params).forEach((k, v) -> {
            Arguments.key("param key", k);
            Arguments.value("param value", v, Arguments.MAX_PARAM_VALUE_LENGTH);
        });
        rest().put(rest().url("runs", id, "params"), Map.of("params", params));
        return this;
    }

    @Override
    public Run logMetric(String name, double value, long step) {
        owner.metrics.log(id, name, value, step);
        return this;
    }

    @Override
    public Run logMetric(String name, double value) {
        return logMetric(name, value, 0);
    }

    @Override
    public Run logMetrics(Map<String, Double> values, long step) {
        Arguments.notNull("metrics", values);
        values.forEach((k, v) -> owner.metrics.log(id, k, Arguments.notNull("metric " + k, v), step));
        return this;
    }

    @Override
    public Run setTag(String key, String value) {
        Arguments.key("tag key", key);
        Arguments.value("tag value", value, Arguments.MAX_TAG_VALUE_LENGTH);
        rest().put(rest().url("runs", id, "tags"), Map.of("tags", Map.of(key, value)));
        return this;
    }

    @Override
    public Run logArtifact(String path, Path file) {
        Arguments.artifactPath("artifact path", path);
        Arguments.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("file", file, "must be an existing regular file");
        }
        artifacts.upload(path, file);
        return this;
    }

    @Override
    public Run logArtifact(String path, byte[] content) {
        Arguments.artifactPath("artifact path", path);
        artifacts.upload(path, Arguments.notNull("content", content));
        return this;
    }

    @Override
    public Map<String, String> params() {
        return strings(rest().get(rest().url("runs", id, "params")));
    }

    @Override
    public Map<String, String> tags() {
        return strings(rest().get(rest().url("runs", id, "tags")));
    }

    @Override
    public Map<String, Double> metrics() {
        flush();
        Map<String, Double> out = new LinkedHashMap<>();
        rest().get(rest().url("runs", id, "metrics")).fields()
                .forEachRemaining(e -> out.put(e.getKey(), Json.number(e.getValue())));
        return out;
    }

    @Override
    public List<MetricPoint> metricHistory(String name) {
        Arguments.key("metric name", name);
        flush();
        List<MetricPoint> out = new ArrayList<>();
        for (JsonNode p : rest().get(rest().url("runs", id, "metric-history").addQueryParameter("name", name))) {
            out.add(new MetricPoint(p.get("name").asText(), Json.number(p.get("value")), p.get("step").asLong(),
                    Json.instant(p.get("timestamp"))));
        }
        return out;
    }

    @Override
    public List<ArtifactInfo> artifacts() {
        return artifacts.list();
    }

    @Override
    public InputStream openArtifact(String path) {
        Arguments.artifactPath("artifact path", path);
        return artifacts.open(path);
    }

    @Override
    public void flush() {
        owner.metrics.flush(id);
    }

    @Override
    public void end(RunStatus status) {
        Arguments.notNull("status", status);
        if (status == RunStatus.RUNNING) {
            throw new InvalidInputException("status", status, "must be FINISHED, FAILED or KILLED");
        }
        owner.metrics.release(id);
        rest().post(rest().url("runs", id, "end"), Map.of("status", status.name()));
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
        owner.metrics.release(id);
        rest().post(rest().url("runs", id, "end"), Map.of("only_if_running", true));
    }

    private static Map<String, String> strings(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Override
    public String toString() {
        return "Run{id=" + id + ", name=" + name + ", experimentId=" + experimentId + "}";
    }
}
