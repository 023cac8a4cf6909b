package io.aidos.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Autoscaling;
import io.aidos.api.Batching;
import io.aidos.api.Deployer;
import io.aidos.api.DeploymentDraft;
import io.aidos.api.DeploymentSpec;
import io.aidos.api.RollbackPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@link DeploymentSpec} on the wire (the client has the mirror image). Read through {@link DeploymentDraft}, so
 * a field left out takes the draft's default and every value is checked as {@code deploy(...)} checks it:
 *
 * <pre>{@code
 * {"name": "iris-prod", "model": "iris", "version": "production", "replicas": 2,
 *  "autoscaling": {"min": 1, "max": 8, "target_concurrency": 3, "stable_window_millis": 60000,
 *                  "panic_window_millis": 6000, "scale_down_delay_millis": 30000},
 *  "max_concurrency": 4, "queue_capacity": 256, "batching": {"max_batch_size": 8, "max_delay_millis": 5},
 *  "auto_rollback": {"max_error_rate": 0.05, "max_p99_millis": 1000, "min_requests": 50, "window_millis": 60000}}
 * }</pre>
 *
 * Names may also be camelCase ({@code maxConcurrency}); unknown names are refused.
 */
final class DeploymentSpecJson {
    private static final Set<String> SPEC = Set.of("name", "model", "version", "replicas", "autoscaling",
            "max_concurrency", "queue_capacity", "batching", "auto_rollback");
    private static final Set<String> AUTOSCALING = Set.of("min", "max", "target_concurrency", "stable_window_millis",
            "panic_window_millis", "scale_down_delay_millis");
    private static final Set<String> BATCHING = Set.of("max_batch_size", "max_delay_millis");
    private static final Set<String> ROLLBACK = Set.of("max_error_rate", "max_p99_millis", "min_requests",
            "window_millis");

    private DeploymentSpecJson() {
    }

    /** The spec {@code body} describes, for {@code deployer}. */
    static DeploymentSpec read(JsonNode body, Deployer deployer) {
        JsonFields f = JsonFields.of(body, SPEC);
        DeploymentDraft draft = deployer.deploy(f.text("name")).model(f.text("model"), f.text("version"));
        if (f.has("replicas")) {
            draft.replicas(f.integer("replicas"));
        }
        JsonFields a = f.object("autoscaling", AUTOSCALING);
        if (a != null) {
            draft.autoscaling(Autoscaling.between(a.integer("min"), a.integer("max"))
                    .withTargetConcurrency(a.integer("target_concurrency", Autoscaling.DEFAULT_TARGET_CONCURRENCY))
                    .withWindows(a.millis("stable_window_millis", Autoscaling.DEFAULT_STABLE_WINDOW),
                            a.millis("panic_window_millis", Autoscaling.DEFAULT_PANIC_WINDOW))
                    .withScaleDownDelay(a.millis("scale_down_delay_millis", Autoscaling.DEFAULT_SCALE_DOWN_DELAY)));
        }
        if (f.has("max_concurrency")) {
            draft.maxConcurrency(f.integer("max_concurrency"));
        }
        if (f.has("queue_capacity")) {
            draft.queueCapacity(f.integer("queue_capacity"));
        }
        JsonFields b = f.object("batching", BATCHING);
        if (b != null) {
            draft.batching(b.integer("max_batch_size", Batching.NONE.maxBatchSize()),
                    b.millis("max_delay_millis", Batching.NONE.maxDelay()));
        }
        JsonFields r = f.object("auto_rollback", ROLLBACK);
        if (r != null) {
            RollbackPolicy d = RollbackPolicy.DEFAULT;
            draft.autoRollback(new RollbackPolicy(r.number("max_error_rate", d.maxErrorRate()),
                    r.millis("max_p99_millis", d.maxP99()), r.integer("min_requests", d.minRequests()),
                    r.millis("window_millis", d.window())));
        }
        return draft.spec();
    }

    /** {@code spec} in the shape {@link #read} takes, every field written. */
    static Map<String, Object> write(DeploymentSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("model", spec.model());
        m.put("version", spec.version());
        m.put("replicas", spec.replicas());
        Autoscaling a = spec.autoscaling();
        Map<String, Object> scaling = new LinkedHashMap<>();
        scaling.put("min", a.min());
        scaling.put("max", a.max());
        scaling.put("target_concurrency", a.targetConcurrency());
        scaling.put("stable_window_millis", JsonFields.millis(a.stableWindow()));
        scaling.put("panic_window_millis", JsonFields.millis(a.panicWindow()));
        scaling.put("scale_down_delay_millis", JsonFields.millis(a.scaleDownDelay()));
        m.put("autoscaling", scaling);
        m.put("max_concurrency", spec.maxConcurrency());
        m.put("queue_capacity", spec.queueCapacity());
        Map<String, Object> batching = new LinkedHashMap<>();
        batching.put("max_batch_size", spec.batching().maxBatchSize());
        batching.put("max_delay_millis", JsonFields.millis(spec.batching().maxDelay()));
        m.put("batching", batching);
        RollbackPolicy r = spec.rollback();
        Map<String, Object> rollback = new LinkedHashMap<>();
        rollback.put("max_error_rate", r.maxErrorRate());
        rollback.put("max_p99_millis", JsonFields.millis(r.maxP99()));
        rollback.put("min_requests", r.minRequests());
        rollback.put("window_millis", JsonFields.millis(r.window()));
        m.put("auto_rollback", rollback);
        return m;
    }
}
