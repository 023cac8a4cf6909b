package io.aidos.serving.internal.http;

import io.aidos.api.Deployment;
import io.aidos.api.InvalidInputException;
import io.aidos.serving.internal.deploy.LocalDeployer;
import io.aidos.serving.internal.deploy.LocalDeployment;
import io.aidos.serving.internal.http.protocol.InferRequest;
import io.aidos.serving.internal.http.protocol.OipAnswer;
import io.aidos.serving.internal.http.protocol.OipCodec;
import io.aidos.serving.internal.signature.ModelSignature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The Open Inference Protocol v2 (KServe, Triton, MLServer) over deployments: a deployment is a model, its serving
 * model versions are the model's versions. {@code /infer} without a version is routed like any request (canary,
 * split); with one it goes to that version.
 */
final class OipRoutes {
    static final String ROUTING_KEY_HEADER = "X-AIDOS-Routing-Key";
    private static final BiFunction<String, String, byte[]> ERROR_BODY = (code, message) -> OipCodec.error(message);
    private static final byte[] LIVE = "{\"live\":true}".getBytes(StandardCharsets.UTF_8);

    private final LocalDeployer deployer;
    private final long maxRequestBytes;
    private final Callers callers;

    OipRoutes(LocalDeployer deployer, long maxRequestBytes, Callers callers) {
        this.deployer = deployer;
        this.maxRequestBytes = maxRequestBytes;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get("/v2", guard(ctx -> Responses.json(ctx, 200, OipCodec.serverMetadata("aidos-serving",
                Versions.SERVING))));
        routes.get("/v2/health/live", guard(ctx -> Responses.json(ctx, 200, LIVE)));
        routes.get("/v2/health/ready", guard(ctx -> {
            boolean ready = deployer.list().stream().allMatch(d -> ((LocalDeployment) d).ready());
            Responses.json(ctx, ready ? 200 : 503, ("{\"ready\":" + ready + "}").getBytes(StandardCharsets.UTF_8));
        }));
        routes.get("/v2/models/{name}", checked(ctx -> metadata(ctx, null)));
        routes.get("/v2/models/{name}/versions/{version}", checked(ctx -> metadata(ctx, version(ctx))));
        routes.get("/v2/models/{name}/ready", checked(ctx -> ready(ctx, null)));
        routes.get("/v2/models/{name}/versions/{version}/ready", checked(ctx -> ready(ctx, version(ctx))));
        routes.post("/v2/models/{name}/infer", checked(ctx -> infer(ctx, null)));
        routes.post("/v2/models/{name}/versions/{version}/infer", checked(ctx -> infer(ctx, version(ctx))));
    }

    private void metadata(Context ctx, Integer version) {
        LocalDeployment d = deployer.deployment(ctx.pathParam("name"));
        ModelSignature signature = d.signature(version);
        List<String> versions = version != null ? List.of(version.toString())
                : d.servingVersions().stream().map(String::valueOf).toList();
        Responses.json(ctx, 200, OipCodec.modelMetadata(d.name(), versions, platform(signature), signature));
    }

    /** 404 for a version the deployment does not serve, as for its metadata; 503 while a replica is missing. */
    private void ready(Context ctx, Integer version) {
        LocalDeployment d = deployer.deployment(ctx.pathParam("name"));
        d.signature(version);
        boolean ready = d.ready();
        Responses.json(ctx, ready ? 200 : 503, ("{\"name\":\"" + d.name() + "\",\"ready\":" + ready + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void infer(Context ctx, Integer version) {
        LocalDeployment d = deployer.deployment(ctx.pathParam("name"));
        int jsonLength = jsonLength(ctx);
        InferRequest request = d.arrivals().during(() -> OipCodec.parseInfer(RequestBodies.read(ctx, maxRequestBytes),
                jsonLength, d.signature(version)));
        String key = request.routingKey() != null ? request.routingKey() : ctx.header(ROUTING_KEY_HEADER);
        Responses.whenDoneWrite(ctx, d.serveAsync(request.rows(), key, version), (c, answer) -> {
            OipAnswer body = OipCodec.inferAnswer(d.name(), String.valueOf(answer.version()), request.id(),
                    answer.predictions(), answer.signature(), request.requestedOutputs(), request.binaryOutputs());
            if (body.hasBinary()) {
                c.header(OipCodec.BINARY_HEADER, Integer.toString(body.jsonLength()));
                Responses.write(c, 200, "application/octet-stream", body.body());
            } else {
                Responses.json(c, 200, body.body());
            }
        }, ERROR_BODY);
    }

    /** The request's {@value OipCodec#BINARY_HEADER}: where its JSON ends and binary tensor data begins; -1 if none. */
    private static int jsonLength(Context ctx) {
        String header = ctx.header(OipCodec.BINARY_HEADER);
        if (header == null) {
            return -1;
        }
        try {
            int n = Integer.parseInt(header.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(OipCodec.BINARY_HEADER, header, "must be the JSON's length in bytes, a whole"
                + " number >= 0");
    }

    private static Integer version(Context ctx) {
        String v = ctx.pathParam("version");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", v, "must be a model version number");
        }
    }

    private static String platform(ModelSignature s) {
        return s.tabular() ? "aidos_tabular" : "aidos_tensor";
    }

    private static io.javalin.http.Handler guard(Responses.Handler h) {
        return Responses.guarded(h, ERROR_BODY);
    }

    /** {@link #guard} for a route that only callers {@link Callers} admits may reach. */
    private io.javalin.http.Handler checked(Responses.Handler h) {
        return guard(callers.guarding(h));
    }

    static String deploymentNames(List<Deployment> all) {
        return all.stream().map(Deployment::name).toList().toString();
    }
}
