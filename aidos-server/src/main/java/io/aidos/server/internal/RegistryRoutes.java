package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.delete;
import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;
import static io.aidos.server.internal.ApiRoute.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import io.aidos.api.RegisteredModel;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The model registry: register, models, versions and aliases. */
final class RegistryRoutes {
    private static final String TAG = "models";
    private static final String MODEL = "/api/v1/models/{name}";
    private final ServerContext server;

    RegistryRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/models", TAG, "List registered models", ctx -> Json.ok(ctx,
                        server.aidos(ctx).models().list().stream().map(Views::model).toList())),
                get(MODEL, TAG, "Get a registered model", ctx -> Json.ok(ctx, Views.model(model(ctx)))),
                post(MODEL + "/versions", TAG, "Register a run's artifact as the next version {run_id, artifact_path}",
                        this::register),
                get(MODEL + "/versions", TAG, "List a model's versions, oldest first", ctx -> Json.ok(ctx,
                        model(ctx).versions())),
                get(MODEL + "/versions/{version}", TAG, "Get one version ('latest' for the highest)", ctx -> {
                    String v = ctx.pathParam("version");
                    RegisteredModel m = model(ctx);
                    Json.ok(ctx, v.equals("latest") ? m.latestVersion() : m.version(Params.intValue("version", v)));
                }),
                get(MODEL + "/aliases", TAG, "A model's aliases: alias to version", ctx -> Json.ok(ctx,
                        model(ctx).aliases())),
                get(MODEL + "/aliases/{alias}", TAG, "The version an alias points at", ctx -> Json.ok(ctx,
                        model(ctx).byAlias(ctx.pathParam("alias")))),
                put(MODEL + "/aliases/{alias}", TAG, "Point an alias at a version {version}", this::setAlias),
                delete(MODEL + "/aliases/{alias}", TAG, "Remove an alias", ctx -> {
                    model(ctx).deleteAlias(ctx.pathParam("alias"));
                    Json.ok(ctx, Map.of("deleted", ctx.pathParam("alias")));
                }));
    }

    private RegisteredModel model(Context ctx) {
        return server.aidos(ctx).models().get(ctx.pathParam("name"));
    }

    private void register(Context ctx) {
        JsonNode body = Json.body(ctx, server.jsonLimit());
        Json.respond(ctx, 201, server.aidos(ctx).models().register(ctx.pathParam("name"), Json.text(body, "run_id"),
                Json.text(body, "artifact_path")));
    }

    private void setAlias(Context ctx) {
        JsonNode body = Json.body(ctx, server.jsonLimit());
        JsonNode v = body.get("version");
        if (v == null || !v.canConvertToInt()) {
            throw new InvalidInputException("version", v == null ? null : v.toString(), "must be a version number");
        }
        RegisteredModel m = model(ctx);
        m.setAlias(ctx.pathParam("alias"), v.asInt());
        Json.ok(ctx, m.byAlias(ctx.pathParam("alias")));
    }
}
