package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Experiment;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Experiments (looked up by name in a query parameter: names are free text) and run creation, listing and search.
 */
final class ExperimentRoutes {
    private static final String TAG = "experiments";
    private final ServerContext server;

    ExperimentRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/experiments", TAG, "List experiments, or get one with ?name=", this::list),
                post("/api/v1/experiments", TAG, "Create an experiment {name, if_absent}", this::create),
                post("/api/v1/runs", TAG, "Start a run {experiment_name, run_name?}", this::startRun),
                get("/api/v1/runs", TAG, "List an experiment's runs, newest first (?experiment=NAME)", ctx ->
                        Json.ok(ctx, experiment(ctx, Params.require("experiment", ctx.queryParam("experiment"))).runs()
                                .stream().map(Views::run).toList())),
                post("/api/v1/runs/search", TAG, "Search runs {experiment_names, filter, order_by, limit}",
                        this::search));
    }

    private Experiment experiment(Context ctx, String name) {
        return server.aidos(ctx).experiments().get(name);
    }

    private void list(Context ctx) {
        String name = ctx.queryParam("name");
        if (name != null) {
            Json.ok(ctx, Views.experiment(experiment(ctx, name)));
        } else {
            Json.ok(ctx, server.aidos(ctx).experiments().list().stream().map(Views::experiment).toList());
        }
    }

    private void create(Context ctx) {
        JsonNode body = Json.body(ctx, server.jsonLimit());
        String name = Json.text(body, "name");
        boolean ifAbsent = body.path("if_absent").asBoolean(false);
        Experiment e = ifAbsent ? server.aidos(ctx).experiments().getOrCreate(name)
                : server.aidos(ctx).experiments().create(name);
        Json.respond(ctx, ifAbsent ? 200 : 201, Views.experiment(e));
    }

    private void startRun(Context ctx) {
        JsonNode body = Json.body(ctx, server.jsonLimit());
        Experiment e = experiment(ctx, Json.text(body, "experiment_name"));
        String runName = Json.text(body, "run_name");
        Run run = runName == null ? e.startRun() : e.startRun(runName);
        Json.respond(ctx, 201, Views.run(run));
    }

    private void search(Context ctx) {
        JsonNode body = Json.body(ctx, server.jsonLimit());
        List<String> names = strings(body, "experiment_names");
        RunQuery q = RunQuery.in(names.toArray(String[]::new));
        if (body.hasNonNull("filter")) {
            q = q.where(body.get("filter").asText());
        }
        List<String> order = strings(body, "order_by");
        if (!order.isEmpty()) {
            q = q.orderBy(order.toArray(String[]::new));
        }
        if (body.hasNonNull("limit")) {
            q = q.limit(body.get("limit").asInt());
        }
        Json.ok(ctx, server.aidos(ctx).experiments().searchRuns(q).stream().map(Views::run).toList());
    }

    private static List<String> strings(JsonNode body, String field) {
        List<String> out = new ArrayList<>();
        JsonNode arr = body.get(field);
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw new InvalidInputException(field, arr.toString(), "must be an array of strings");
        }
        arr.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }
}
