package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.MetricPoint;
import io.aidos.core.internal.tracking.RunCatalog;
import io.aidos.core.internal.tracking.RunValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Logging to runs and reading metric history: log-metric, log-parameter, log-batch, set-tag, delete-tag, get-history. */
final class RunDataRoutes {
    /** MLflow's default and largest page of metric history. */
    static final int MAX_HISTORY_RESULTS = 25_000;

    private final RunCatalog runs;
    private final RunValues values;

    RunDataRoutes(RunCatalog runs, RunValues values) {
        this.runs = runs;
        this.values = values;
    }

    void register(MlflowRoutes routes) {
        routes.post("runs/log-metric", r -> {
            values.logMetrics(RunRoutes.runId(r), List.of(point(r.required("key"), r.longValue("step", 0),
                    r.longValue("timestamp", System.currentTimeMillis()), valueNode(r))));
            return MlflowJson.object();
        });
        routes.post("runs/log-parameter", r -> {
            values.logParams(RunRoutes.runId(r), Map.of(r.required("key"), ExperimentRoutes.valueOf(r)));
            return MlflowJson.object();
        });
        routes.post("runs/set-tag", r -> {
            values.setTags(RunRoutes.runId(r), Map.of(r.required("key"), ExperimentRoutes.valueOf(r)));
            return MlflowJson.object();
        });
        routes.post("runs/delete-tag", r -> {
            values.deleteTag(r.required("run_id"), r.required("key"));
            return MlflowJson.object();
        });
        routes.post("runs/log-batch", this::logBatch);
        routes.read("metrics/get-history", this::history);
    }

    private ObjectNode logBatch(MlflowRequest r) {
        String runId = r.required("run_id");
        List<JsonNode> metrics = r.array("metrics");
        List<JsonNode> params = r.array("params");
        List<JsonNode> tags = r.array("tags");
        BatchLimits.check(metrics.size(), params.size(), tags.size());
        runs.getActive(runId);
        Map<String, String> paramMap = new LinkedHashMap<>();
        for (JsonNode p : params) {
            String key = text(p, "key", "params");
            String value = text(p, "value", "params");
            String before = paramMap.putIfAbsent(key, value);
            if (before != null && !before.equals(value)) {
                throw MlflowException.invalid("Duplicate parameter keys have been submitted: ['" + key + "']. Please"
                        + " ensure the request contains only one param value per param key.");
            }
        }
        Map<String, String> tagMap = new LinkedHashMap<>();
        tags.forEach(t -> tagMap.put(text(t, "key", "tags"), text(t, "value", "tags")));
        List<MetricPoint> points = new ArrayList<>();
        for (JsonNode m : metrics) {
            JsonNode timestamp = m.get("timestamp");
            if (timestamp == null || !timestamp.canConvertToLong() && !timestamp.isTextual()) {
                throw MlflowException.invalid("Missing value for required parameter 'metrics[].timestamp'");
            }
            points.add(point(text(m, "key", "metrics"), m.path("step").asLong(0), timestamp.asLong(),
                    m.get("value")));
        }
        values.logParams(runId, paramMap);
        values.setTags(runId, tagMap);
        values.logMetrics(runId, points);
        return MlflowJson.object();
    }

    private ObjectNode history(MlflowRequest r) {
        String runId = r.required("run_id", "run_uuid");
        String key = r.required("metric_key");
        int limit = r.limit("max_results", MAX_HISTORY_RESULTS, MAX_HISTORY_RESULTS);
        long offset = PageToken.offset(r.string("page_token"));
        runs.get(runId);
        List<MetricPoint> all = values.history(runId, key);
        List<MetricPoint> rest = offset >= all.size() ? List.of() : all.subList((int) offset, all.size());
        ObjectNode out = MlflowJson.object();
        ArrayNode array = out.putArray("metrics");
        PageToken.page(rest, limit, offset, out).forEach(p -> array.add(MlflowJson.metric(p)));
        return out;
    }

    private static JsonNode valueNode(MlflowRequest r) {
        String text = r.string("value");
        return text == null ? null : MlflowJson.MAPPER.getNodeFactory().textNode(text);
    }

    private static MetricPoint point(String key, long step, long timestamp, JsonNode value) {
        return new MetricPoint(key, MlflowJson.metricValue(value), step, Instant.ofEpochMilli(timestamp));
    }

    private static String text(JsonNode entry, String field, String list) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            throw MlflowException.invalid("Missing value for required parameter '" + list + "[]." + field + "'");
        }
        return node.asText();
    }
}
