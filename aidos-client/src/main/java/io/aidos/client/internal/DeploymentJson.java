package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Autoscaling;
import io.aidos.api.Batching;
import io.aidos.api.DeploymentSpec;
import io.aidos.api.DeploymentStats;
import io.aidos.api.Prediction;
import io.aidos.api.RollbackPolicy;
import io.aidos.api.Variant;
import io.aidos.api.VariantRole;
import io.aidos.api.VariantStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deployment specs, variants, stats and predictions on the wire, as the server writes and reads them. */
final class DeploymentJson {

    private DeploymentJson() {
    }

    static Map<String, Object> spec(DeploymentSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("model", s.model());
        m.put("version", s.version());
        m.put("replicas", s.replicas());
        Autoscaling a = s.autoscaling();
        Map<String, Object> scaling = new LinkedHashMap<>();
        scaling.put("min", a.min());
        scaling.put("max", a.max());
        scaling.put("target_concurrency", a.targetConcurrency());
        scaling.put("stable_window_millis", millis(a.stableWindow()));
        scaling.put("panic_window_millis", millis(a.panicWindow()));
        scaling.put("scale_down_delay_millis", millis(a.scaleDownDelay()));
        m.put("autoscaling", scaling);
        m.put("max_concurrency", s.maxConcurrency());
        m.put("queue_capacity", s.queueCapacity());
        m.put("batching", Map.of("max_batch_size", s.batching().maxBatchSize(),
                "max_delay_millis", millis(s.batching().maxDelay())));
        RollbackPolicy r = s.rollback();
        m.put("auto_rollback", Map.of("max_error_rate", r.maxErrorRate(), "max_p99_millis", millis(r.maxP99()),
                "min_requests", r.minRequests(), "window_millis", millis(r.window())));
        return m;
    }

    static DeploymentSpec spec(JsonNode n) {
        JsonNode a = n.path("autoscaling");
        Autoscaling scaling = new Autoscaling(a.path("min").asInt(), a.path("max").asInt(),
                a.path("target_concurrency").asInt(), duration(a.path("stable_window_millis")),
                duration(a.path("panic_window_millis")), duration(a.path("scale_down_delay_millis")));
        JsonNode b = n.path("batching");
        JsonNode r = n.path("auto_rollback");
        return new DeploymentSpec(n.path("name").asText(), n.path("model").asText(), n.path("version").asText(),
                n.path("replicas").asInt(), scaling, n.path("max_concurrency").asInt(),
                n.path("queue_capacity").asInt(),
                new Batching(b.path("max_batch_size").asInt(), duration(b.path("max_delay_millis"))),
                new RollbackPolicy(r.path("max_error_rate").asDouble(), duration(r.path("max_p99_millis")),
                        r.path("min_requests").asInt(), duration(r.path("window_millis"))));
    }

    static List<Variant> variants(JsonNode list) {
        List<Variant> out = new ArrayList<>();
        for (JsonNode v : list) {
            out.add(new Variant(v.path("id").asText(), v.path("model").asText(), v.path("version").asInt(),
                    VariantRole.valueOf(v.path("role").asText()), v.path("percent").asInt(),
                    v.path("replicas").asInt()));
        }
        return out;
    }

    static DeploymentStats stats(JsonNode n) {
        Map<String, VariantStats> variants = new LinkedHashMap<>();
        n.path("variants").fields().forEachRemaining(e -> variants.put(e.getKey(), variantStats(e.getValue())));
        return new DeploymentStats(variantStats(n.path("total")), variants,
                n.path("last_event").isNull() ? null : n.path("last_event").asText(null));
    }

    private static VariantStats variantStats(JsonNode v) {
        return new VariantStats(v.path("requests").asLong(), v.path("errors").asLong(), v.path("rejected").asLong(),
                duration(v.path("p50_millis")), duration(v.path("p95_millis")), duration(v.path("p99_millis")),
                v.path("in_flight").asInt(), v.path("replicas").asInt());
    }

    static List<Prediction> predictions(JsonNode answer) {
        List<Prediction> out = new ArrayList<>();
        for (JsonNode p : answer.path("predictions")) {
            Map<String, Double> scores = new LinkedHashMap<>();
            p.path("scores").fields().forEachRemaining(e -> scores.put(e.getKey(), Json.number(e.getValue())));
            JsonNode label = p.get("label");
            out.add(new Prediction(label == null || label.isNull() ? null : label.asText(), scores,
                    Json.number(p.get("value"))));
        }
        return out;
    }

    private static Object millis(Duration d) {
        long nanos = d.toNanos();
        return nanos % 1_000_000 == 0 ? (Object) (nanos / 1_000_000) : (Object) (nanos / 1e6);
    }

    private static Duration duration(JsonNode millis) {
        return Duration.ofNanos(Math.round(millis.asDouble() * 1_000_000));
    }
}
