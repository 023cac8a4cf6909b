package io.aidos.server.internal;

import io.aidos.api.Deployment;
import io.aidos.api.DeploymentStats;
import io.aidos.api.DeploymentStatus;
import io.aidos.api.Variant;
import io.aidos.api.VariantRole;
import io.aidos.api.VariantStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of deployments and their stats, for the REST API and the command line's {@code --output json}. */
public final class DeploymentViews {

    private DeploymentViews() {
    }

    /** Whether {@code d} runs and every variant that answers callers (shadows aside) has a replica up. */
    public static boolean ready(Deployment d) {
        return ready(d.status(), d.variants());
    }

    static boolean ready(DeploymentStatus status, List<Variant> variants) {
        return status == DeploymentStatus.RUNNING && variants.stream()
                .filter(v -> v.role() != VariantRole.SHADOW).allMatch(v -> v.replicas() > 0);
    }

    /** Name, status, readiness, endpoint, spec and variants (with their traffic share and replicas). */
    public static Map<String, Object> deployment(Deployment d) {
        DeploymentStatus status = d.status();
        List<Variant> variants = d.variants();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("status", status);
        m.put("ready", ready(status, variants));
        m.put("endpoint", d.endpoint().toString());
        m.put("spec", DeploymentSpecJson.write(d.spec()));
        m.put("variants", variants.stream().map(DeploymentViews::variant).toList());
        return m;
    }

    static Map<String, Object> variant(Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("model", v.model());
        m.put("version", v.version());
        m.put("role", v.role());
        m.put("percent", v.percent());
        m.put("replicas", v.replicas());
        return m;
    }

    /** The total, each variant by id ({@code shadow:} ids for mirrored traffic) and the last rollout event. */
    public static Map<String, Object> stats(DeploymentStats s) {
        Map<String, Object> variants = new LinkedHashMap<>();
        s.variants().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> variants.put(e.getKey(), stats(e.getValue())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", stats(s.total()));
        m.put("variants", variants);
        m.put("last_event", s.lastEvent());
        return m;
    }

    static Map<String, Object> stats(VariantStats v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", v.requests());
        m.put("errors", v.errors());
        m.put("rejected", v.rejected());
        m.put("error_rate", v.errorRate());
        m.put("p50_millis", millis(v.p50()));
        m.put("p95_millis", millis(v.p95()));
        m.put("p99_millis", millis(v.p99()));
        m.put("in_flight", v.inFlight());
        m.put("replicas", v.replicas());
        return m;
    }

    private static double millis(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e6;
    }
}
