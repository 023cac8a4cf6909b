package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;
import static io.aidos.server.internal.ApiRoute.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Run;
import io.aidos.api.RunStatus;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run: get, params, tags, batched metrics, history, end. Artifacts are in {@link ArtifactRoutes}. */
final class RunRoutes {
    private static final String TAG = "runs";
    private static final String RUN = "/api/v1/runs/{run_id}";
    private final ServerContext server;

    RunRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                get(RUN, TAG, "Get a run", ctx -> Json.ok(ctx, Views.run(run(ctx)))),
                get(RUN + "/params", TAG, "Get a run's parameters", ctx -> Json.ok(ctx, run(ctx).params())),
                put(RUN + "/params", TAG, "Log parameters {params: {key: value}}; the same value again is fine",
                        ctx -> {
                            Run r = run(ctx);
                            r.logParams(stringMap(Json.body(ctx, server.jsonLimit()), "params"));
                            Json.ok(ctx, r.params());
                        }),
                get(RUN + "/tags", TAG, "Get a run's tags", ctx -> Json.ok(ctx, run(ctx).tags())),
                put(RUN + "/tags", TAG, "Set tags {tags: {key: value}}", ctx -> {
                    Run r = run(ctx);
                    stringMap(Json.body(ctx, server.jsonLimit()), "tags").forEach(r::setTag);
                    Json.ok(ctx, r.tags());
                }),
                post(RUN + "/metrics", TAG, "Log a batch of metric points {metrics: [{key, value, step}]}; durable"
                        + " when answered", this::logMetrics).withIdempotencyKey(),
                get(RUN + "/metrics", TAG, "The latest value of each metric", ctx -> Json.ok(ctx, run(ctx).metrics())),
                get(RUN + "/metric-history", TAG, "All points of one metric (?name=)", ctx -> Json.ok(ctx,
                        run(ctx).metricHistory(ctx.queryParam("name")))),
                post(RUN + "/end", TAG, "End a run {status, only_if_running?}", this::end));
    }

    Run run(Context ctx) {
        return server.aidos(ctx).experiments().getRun(ctx.pathParam("run_id"));
    }

    private void logMetrics(Context ctx) {
        Run r = run(ctx);
        server.idempotency().answer(ctx, () -> {
            int n = MetricBatchReader.read(ctx, server.jsonLimit(), r);
            r.flush();
            return Map.of("logged", n);
        });
    }

    private void end(Context ctx) {
        JsonNode body = Json.body(ctx, server.jsonLimit());
        Run r = run(ctx);
        if (body.path("only_if_running").asBoolean(false)) {
            r.close();
        } else {
            String status = Json.text(body, "status");
            try {
                r.end(RunStatus.valueOf(Params.require("status", status)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", status, "must be FINISHED, FAILED or KILLED");
            }
        }
        Json.ok(ctx, Views.run(r));
    }

    private static Map<String, String> stringMap(JsonNode body, String field) {
        JsonNode obj = body.get(field);
        if (obj == null || !obj.isObject()) {
            throw new InvalidInputException(field, obj == null ? null : obj.toString(), "must be a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }
}
