package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentNotFoundException;
import io.aidos.api.DeploymentSpec;
import io.aidos.api.DeploymentStats;
import io.aidos.api.DeploymentStatus;
import io.aidos.api.Prediction;
import io.aidos.api.Variant;
import io.aidos.spi.Arguments;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment on the server. Its name, spec and endpoint are as the server reported them when this handle was
 * made; status, variants and stats are read on each call. Once the server no longer runs it, status is
 * {@link DeploymentStatus#STOPPED} and variants are the last ones seen; stats are no longer to be had. Predictions and rollout changes are POSTs that are never
 * retried (a prediction refused as overloaded is {@link io.aidos.api.OverloadedException}: retry it yourself, later);
 * {@link #stop()} is a DELETE, retried and idempotent.
 */
final class RemoteDeployment implements Deployment {
    private final Rest rest;
    private final String name;
    private final DeploymentSpec spec;
    private final URI endpoint;
    private volatile JsonNode last;

    RemoteDeployment(Rest rest, JsonNode view) {
        this.rest = rest;
        this.last = view;
        this.name = view.path("name").asText();
        this.spec = DeploymentJson.spec(view.path("spec"));
        this.endpoint = URI.create(view.path("endpoint").asText());
    }

    @Override
    public String name() {
        return name;
    }

    /** As the server has it now; a deployment the server no longer runs is {@link DeploymentStatus#STOPPED}. */
    @Override
    public DeploymentStatus status() {
        return DeploymentStatus.valueOf(view().path("status").asText());
    }

    @Override
    public DeploymentSpec spec() {
        return spec;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public Prediction predict(Map<String, ?> features) {
        return predict(features, null);
    }

    @Override
    public Prediction predict(Map<String, ?> features, String routingKey) {
        Arguments.notNull("features", features);
        return predict(Collections.singletonList(features), routingKey).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
        Arguments.notNull("rows", rows);
        return rows.isEmpty() ? List.of() : predict(rows, null);
    }

    private List<Prediction> predict(List<? extends Map<String, ?>> rows, String routingKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        if (routingKey != null) {
            body.put("routing_key", routingKey);
        }
        return DeploymentJson.predictions(rest.post(url("predict"), body));
    }

    @Override
    public List<Variant> variants() {
        return DeploymentJson.variants(view().path("variants"));
    }

    @Override
    public DeploymentStats stats() {
        return DeploymentJson.stats(rest.get(url("stats")));
    }

    @Override
    public Deployment canary(String model, String aliasOrVersion, int percent) {
        rest.post(url("canary"), rollout(model, aliasOrVersion, percent));
        return this;
    }

    @Override
    public Deployment promote() {
        rest.post(url("promote"), Map.of());
        return this;
    }

    @Override
    public Deployment rollback() {
        rest.post(url("rollback"), Map.of());
        return this;
    }

    @Override
    public Deployment split(Map<String, Integer> percentByVersion) {
        Arguments.notNull("split", percentByVersion);
        rest.post(url("split"), Map.of("percent_by_version", percentByVersion));
        return this;
    }

    @Override
    public Deployment shadow(String model, String aliasOrVersion, int percent) {
        rest.post(url("shadow"), rollout(model, aliasOrVersion, percent));
        return this;
    }

    @Override
    public void stop() {
        try {
            last = rest.delete(rest.url("deployments", name));
        } catch (DeploymentNotFoundException alreadyStopped) {
            // idempotent, as in process: stopping a stopped deployment does nothing
        }
    }

    private static Map<String, Object> rollout(String model, String aliasOrVersion, int percent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", Arguments.identifier("model name", model));
        body.put("version", Arguments.identifier("aliasOrVersion", aliasOrVersion));
        body.put("percent", percent);
        return body;
    }

    /** The server's view now, or the last one seen marked stopped once the server no longer runs it. */
    private JsonNode view() {
        try {
            JsonNode v = rest.get(rest.url("deployments", name));
            last = v;
            return v;
        } catch (DeploymentNotFoundException gone) {
            return ((com.fasterxml.jackson.databind.node.ObjectNode) last.deepCopy()).put("status",
                    DeploymentStatus.STOPPED.name());
        }
    }

    private okhttp3.HttpUrl.Builder url(String action) {
        return rest.url("deployments", name, action);
    }

    @Override
    public String toString() {
        return "Deployment{" + name + " on " + endpoint + "}";
    }
}
