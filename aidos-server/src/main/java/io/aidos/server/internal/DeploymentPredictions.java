package io.aidos.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Deployment;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.serving.internal.deploy.LocalDeployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/deployments/{name}/predict}: {@code {"rows": [{feature: value}], "routing_key": "..."}} is
 * one request to the deployment (one variant, one replica), answered as {@code {"predictions": [{label, scores,
 * value}], "model": ..., "version": ...}} with the variant that answered.
 */
final class DeploymentPredictions {
    private static final Set<String> FIELDS = Set.of("rows", "routing_key");

    private DeploymentPredictions() {
    }

    static Map<String, Object> predict(Deployment d, JsonNode body) {
        JsonFields f = JsonFields.of(body, FIELDS);
        List<Map<String, Object>> rows = rows(f.node("rows"));
        String routingKey = f.has("routing_key") ? f.text("routing_key") : null;
        Map<String, Object> m = new LinkedHashMap<>();
        if (d instanceof LocalDeployment local) {
            LocalDeployment.Answer a = local.serve(rows, routingKey, null);
            m.put("predictions", a.predictions());
            m.put("model", a.model());
            m.put("version", a.version());
            return m;
        }
        List<Prediction> out;
        if (routingKey == null) {
            out = d.predictAll(rows);
        } else {
            out = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                out.add(d.predict(row, routingKey));
            }
        }
        m.put("predictions", out);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(JsonNode rows) {
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            throw new InvalidInputException("rows", rows == null ? null : abbreviate(rows.toString()),
                    "must be a non-empty array of row objects ({\"feature\": value, ...})");
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        int i = 0;
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw new InvalidInputException("rows[" + i + "]", abbreviate(row.toString()), "must be an object");
            }
            out.add(Json.MAPPER.convertValue(row, Map.class));
            i++;
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
