package io.aidos.serving.internal.http;

import io.aidos.api.AiDosException;
import io.aidos.api.Deployment;
import io.aidos.api.InvalidInputException;
import io.aidos.serving.internal.deploy.LocalDeployer;
import io.aidos.serving.internal.deploy.LocalDeployment;
import io.aidos.serving.internal.http.protocol.MlflowCodec;
import io.aidos.serving.internal.signature.ModelSignature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * MLflow's scoring protocol ({@code mlflow models serve}): {@code /ping}, {@code /health}, {@code /version} and
 * {@code POST /invocations} under {@code /deployments/NAME/}, and at the root while exactly one deployment runs, so
 * an MLflow client only changes its URL.
 */
final class MlflowScoringRoutes {
    private static final BiFunction<String, String, byte[]> ERROR_BODY =
            (code, message) -> MlflowCodec.error(mlflowCode(code), message);

    private final LocalDeployer deployer;
    private final long maxRequestBytes;
    private final Callers callers;

    MlflowScoringRoutes(LocalDeployer deployer, long maxRequestBytes, Callers callers) {
        this.deployer = deployer;
        this.maxRequestBytes = maxRequestBytes;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        for (String health : List.of("ping", "health")) {
            routes.get("/deployments/{name}/" + health, checked(ctx -> health(ctx, named(ctx))));
            routes.get("/" + health, guard(ctx -> health(ctx, single())));
        }
        routes.get("/deployments/{name}/version", checked(ctx -> version(ctx, named(ctx))));
        routes.get("/version", guard(ctx -> ctx.contentType("text/plain").result(Versions.SERVING)));
        routes.post("/deployments/{name}/invocations", checked(ctx -> invocations(ctx, named(ctx))));
        routes.post("/invocations", checked(ctx -> invocations(ctx, single())));
    }

    private LocalDeployment named(Context ctx) {
        return deployer.deployment(ctx.pathParam("name"));
    }

    /** The only running deployment, for the root routes. */
    private LocalDeployment single() {
        List<Deployment> all = deployer.list();
        if (all.size() != 1) {
            throw new InvalidInputException("deployment", null, all.isEmpty() ? "none is running"
                    : "several are running here " + OipRoutes.deploymentNames(all)
                    + "; use /deployments/NAME/invocations");
        }
        return (LocalDeployment) all.get(0);
    }

    private static void health(Context ctx, LocalDeployment d) {
        ctx.status(d.ready() ? 200 : 503).contentType("application/json").result("\n");
    }

    private static void version(Context ctx, LocalDeployment d) {
        ctx.contentType("text/plain").result(Versions.SERVING);
    }

    private void invocations(Context ctx, LocalDeployment d) {
        ModelSignature signature = d.signature(null);
        String type = ctx.contentType() == null ? "application/json"
                : ctx.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
        List<Map<String, Object>> rows = d.arrivals().during(() -> {
            byte[] body = RequestBodies.read(ctx, maxRequestBytes);
            return switch (type) {
                case "application/json" -> MlflowCodec.parseJson(body, signature);
                case "text/csv" -> MlflowCodec.parseCsv(body, signature);
                default -> throw new UnsupportedType(type);
            };
        });
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

    /** MLflow's scoring server names bad input BAD_REQUEST. */
    private static String mlflowCode(String code) {
        return "INVALID_INPUT".equals(code) ? "BAD_REQUEST" : code;
    }

    /** 415: MLflow accepts JSON and CSV only. */
    static final class UnsupportedType extends AiDosException {
        UnsupportedType(String type) {
            super("content type '" + type + "' is not supported; use application/json or text/csv");
        }

        @Override
        public String errorCode() {
            return "BAD_REQUEST";
        }

        @Override
        public int httpStatus() {
            return 415;
        }
    }
}
