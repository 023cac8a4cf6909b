package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.MetricPoint;
import io.aidos.core.internal.registry.StoredModel;
import io.aidos.core.internal.registry.StoredVersion;
import io.aidos.core.internal.tracking.StoredExperiment;
import io.aidos.core.internal.tracking.StoredRun;
import java.util.List;
import java.util.Map;

/**
 * MLflow's JSON shapes (its protobuf messages with their field names) for what the store holds. Ids are strings,
 * times epoch milliseconds, non-finite metric values the strings {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
final class MlflowJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private MlflowJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode experiment(StoredExperiment e) {
        ObjectNode out = object();
        out.put("experiment_id", Long.toString(e.id()));
        out.put("name", e.name());
        out.put("artifact_location", "aidos:/experiments/" + e.id());
        out.put("lifecycle_stage", e.lifecycleStage());
        out.put("last_update_time", e.updatedAt());
        out.put("creation_time", e.createdAt());
        out.set("tags", keyValues(e.tags()));
        return out;
    }

    static ObjectNode runInfo(StoredRun r, String userId) {
        ObjectNode out = object();
        out.put("run_id", r.runId());
        out.put("run_uuid", r.runId());
        out.put("run_name", r.name());
        out.put("experiment_id", Long.toString(r.experimentId()));
        out.put("user_id", userId == null ? "" : userId);
        out.put("status", r.status().name());
        out.put("start_time", r.startTime());
        if (r.endTime() != null) {
            out.put("end_time", r.endTime());
        }
        out.put("artifact_uri", "aidos:/runs/" + r.runId() + "/artifacts");
        out.put("lifecycle_stage", r.lifecycleStage());
        return out;
    }

    static ObjectNode run(StoredRun r, List<MetricPoint> metrics, Map<String, String> params, Map<String, String> tags) {
        ObjectNode out = object();
        out.set("info", runInfo(r, tags.get("mlflow.user")));
        ObjectNode data = out.putObject("data");
        ArrayNode metricArray = data.putArray("metrics");
        metrics.forEach(m -> metricArray.add(metric(m)));
        data.set("params", keyValues(params));
        data.set("tags", keyValues(tags));
        out.putObject("inputs");
        return out;
    }

    static ObjectNode metric(MetricPoint m) {
        ObjectNode out = object();
        out.put("key", m.name());
        out.put("value", m.value());
        out.put("timestamp", m.timestamp().toEpochMilli());
        out.put("step", m.step());
        return out;
    }

    /** A metric value: a JSON number or one of the strings NaN, Infinity, -Infinity. */
    static double metricValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw MlflowException.invalid("Missing value for required parameter 'value'. See the API docs for more"
                    + " information about request parameters.");
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            throw MlflowException.invalid("Invalid value '" + node.asText() + "' for parameter 'value': expected a"
                    + " number");
        }
    }

    static ObjectNode model(StoredModel m, List<StoredVersion> latest) {
        ObjectNode out = object();
        out.put("name", m.name());
        out.put("creation_timestamp", m.createdAt());
        out.put("last_updated_timestamp", m.updatedAt());
        if (m.description() != null) {
            out.put("description", m.description());
        }
        ArrayNode versions = out.putArray("latest_versions");
        latest.forEach(v -> versions.add(version(v)));
        ArrayNode aliases = out.putArray("aliases");
        m.aliases().forEach((alias, version) -> aliases.addObject().put("alias", alias)
                .put("version", Integer.toString(version)));
        out.putArray("tags");
        return out;
    }

    static ObjectNode version(StoredVersion v) {
        ObjectNode out = object();
        out.put("name", v.modelName());
        out.put("version", Integer.toString(v.version()));
        out.put("creation_timestamp", v.createdAt());
        out.put("last_updated_timestamp", v.updatedAt());
        out.put("current_stage", "None");
        if (v.description() != null) {
            out.put("description", v.description());
        }
        out.put("source", v.source());
        out.put("run_id", v.runId());
        out.put("status", "READY");
        ArrayNode aliases = out.putArray("aliases");
        v.aliases().forEach(aliases::add);
        out.putArray("tags");
        return out;
    }

    private static ArrayNode keyValues(Map<String, String> values) {
        ArrayNode out = MAPPER.createArrayNode();
        values.forEach((k, v) -> out.addObject().put("key", k).put("value", v));
        return out;
    }
}
