package io.aidos.serving.internal.http;

import io.aidos.api.Deployment;
import io.aidos.api.NotFoundException;
import io.aidos.serving.internal.deploy.LocalDeployer;
import io.aidos.serving.internal.deploy.LocalDeployment;
import io.aidos.serving.internal.http.protocol.KserveV1Codec;
import io.aidos.serving.internal.http.protocol.MlflowCodec;
import io.aidos.serving.internal.http.protocol.OipCodec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * KServe's V1 data plane (TensorFlow Serving's REST shape, the default of KServe's scikit-learn and XGBoost servers):
 * {@code GET /v1/models}, {@code GET /v1/models/NAME} and {@code POST /v1/models/NAME:predict} with {@code
 * {"instances": [...]}} (rows as lists or records) or {@code {"inputs": ...}}, answering {@code {"predictions":
 * [...]}}. Errors are {@code {"error": "..."}}.
 */
final class KserveV1Routes {
    private static final BiFunction<String, String, byte[]> ERROR_BODY = (code, message) -> OipCodec.error(message);
    private static final String PREDICT = ":predict";

    private final LocalDeployer deployer;
    private final long maxRequestBytes;
    private final Callers callers;

    KserveV1Routes(LocalDeployer deployer, long maxRequestBytes, Callers callers) {
        this.deployer = deployer;
        this.maxRequestBytes = maxRequestBytes;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/models", checked(ctx -> Responses.json(ctx, 200, KserveV1Codec.models(
                deployer.list().stream().map(Deployment::name).sorted().toList()))));
        routes.get("/v1/models/{name}", checked(ctx -> {
            LocalDeployment d = deployer.deployment(ctx.pathParam("name"));
            Responses.json(ctx, d.ready() ? 200 : 503, KserveV1Codec.status(d.name(), d.ready()));
        }));
        // The verb shares the last segment with the name ("iris:predict"), which a path parameter cannot split.
        routes.post("/v1/models/{call}", checked(this::call));
    }

    private void call(Context ctx) {
        String call = ctx.pathParam("call");
        if (!call.endsWith(PREDICT) || call.length() == PREDICT.length()) {
            throw new NotFoundException("route", "/v1/models/" + call, "no route POST /v1/models/" + call
                    + "; KServe V1 predicts at /v1/models/NAME:predict");
        }
        LocalDeployment d = deployer.deployment(call.substring(0, call.length() - PREDICT.length()));
        List<Map<String, Object>> rows = d.arrivals().during(() -> MlflowCodec.parseJson(
                RequestBodies.read(ctx, maxRequestBytes), d.signature(null)));
        Responses.whenDone(ctx, d.serveAsync(rows, ctx.header(OipRoutes.ROUTING_KEY_HEADER), null),
                answer -> MlflowCodec.predictions(answer.predictions(), answer.signature()), ERROR_BODY);
    }

    private static io.javalin.http.Handler guard(Responses.Handler h) {
        return Responses.guarded(h, ERROR_BODY);
    }

    /** {@link #guard} for a route that only callers {@link Callers} admits may reach. */
    private io.javalin.http.Handler checked(Responses.Handler h) {
        return guard(callers.guarding(h));
    }
}
