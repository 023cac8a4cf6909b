package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.delete;
import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Deployer;
import io.aidos.api.Deployment;
import io.aidos.api.InvalidInputException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deployments of the caller's organization: start, list, get, stats, predict, canary / promote / rollback, A/B
 * split, shadow, stop. Each answers with the deployment as {@link DeploymentViews#deployment} shows it.
 */
final class DeploymentRoutes {
    private static final String TAG = "deployments";
    private static final String ONE = "/api/v1/deployments/{name}";
    private static final Set<String> ROLLOUT = Set.of("model", "version", "percent");
    private static final Set<String> SPLIT = Set.of("percent_by_version");
    private final ServerContext server;

    DeploymentRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/deployments", TAG, "The organization's running deployments, by name", ctx -> Json.ok(ctx,
                        deployer(ctx).list().stream().map(DeploymentViews::deployment).toList())),
                post("/api/v1/deployments", TAG, "Start a deployment (a spec: name, model, version, replicas,"
                        + " autoscaling, max_concurrency, queue_capacity, batching, auto_rollback); returns when every"
                        + " replica is ready", this::start),
                get(ONE, TAG, "A deployment: status, readiness, endpoint URI, spec, variants", ctx -> Json.ok(ctx,
                        DeploymentViews.deployment(deployment(ctx)))),
                delete(ONE, TAG, "Stop a deployment: requests in flight finish, then its models are released",
                        ctx -> {
                            Deployment d = deployment(ctx);
                            d.stop();
                            Json.ok(ctx, DeploymentViews.deployment(d));
                        }),
                get(ONE + "/stats", TAG, "Requests, errors, rejections and latency percentiles, total and per variant",
                        ctx -> Json.ok(ctx, DeploymentViews.stats(deployment(ctx).stats()))),
                post(ONE + "/predict", TAG, "Predict rows {rows: [{feature: value}], routing_key} as one request;"
                        + " 429 OVERLOADED when every replica is full", ctx -> Json.ok(ctx,
                        DeploymentPredictions.predict(deployment(ctx), Json.body(ctx, server.jsonLimit())))),
                post(ONE + "/canary", TAG, "Send {percent} (1 to 99) of traffic to {model} at {version}", ctx ->
                        rollout(ctx, (d, f) -> d.canary(f.text("model"), f.text("version"), f.integer("percent")))),
                post(ONE + "/promote", TAG, "Make the canary the primary", ctx -> Json.ok(ctx,
                        DeploymentViews.deployment(deployment(ctx).promote()))).body(ApiRoute.Body.NONE),
                post(ONE + "/rollback", TAG, "Send all traffic back to the primary and stop the canary", ctx ->
                        Json.ok(ctx, DeploymentViews.deployment(deployment(ctx).rollback()))).body(ApiRoute.Body.NONE),
                post(ONE + "/split", TAG, "A/B split {percent_by_version: {\"1\": 50, \"2\": 50}} over versions of the"
                        + " primary's model", this::split),
                post(ONE + "/shadow", TAG, "Mirror {percent} of requests to {model} at {version} (0 stops the shadow)",
                        ctx -> rollout(ctx, (d, f) -> d.shadow(f.text("model"), f.text("version"),
                                f.integer("percent")))));
    }

    private Deployer deployer(Context ctx) {
        return server.deployers().of(ctx, server.aidos(ctx));
    }

    private Deployment deployment(Context ctx) {
        return deployer(ctx).get(ctx.pathParam("name"));
    }

    private void start(Context ctx) {
        Deployer deployer = deployer(ctx);
        Deployment d = deployer.start(DeploymentSpecJson.read(Json.body(ctx, server.jsonLimit()), deployer));
        Json.respond(ctx, 201, DeploymentViews.deployment(d));
    }

    private interface Rollout {
        Deployment apply(Deployment d, JsonFields body);
    }

    private void rollout(Context ctx, Rollout change) {
        Deployment d = deployment(ctx);
        JsonFields body = JsonFields.of(Json.body(ctx, server.jsonLimit()), ROLLOUT);
        Json.ok(ctx, DeploymentViews.deployment(change.apply(d, body)));
    }

    private void split(Context ctx) {
        Deployment d = deployment(ctx);
        JsonNode percents = JsonFields.of(Json.body(ctx, server.jsonLimit()), SPLIT).node("percent_by_version");
        if (percents == null || !percents.isObject()) {
            throw new InvalidInputException("percent_by_version", percents == null ? null : percents.toString(),
                    "is required: an object of version (number or alias) to percent");
        }
        Map<String, Integer> split = new LinkedHashMap<>();
        percents.fields().forEachRemaining(e -> {
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
                throw new InvalidInputException("percent_by_version." + e.getKey(), e.getValue().toString(),
                        "must be a whole number");
            }
            split.put(e.getKey(), e.getValue().asInt());
        });
        Json.ok(ctx, DeploymentViews.deployment(d.split(split)));
    }
}
