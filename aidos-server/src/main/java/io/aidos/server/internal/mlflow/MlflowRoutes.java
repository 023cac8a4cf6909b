package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MLflow endpoints of one organization's view of the store, by method and path under {@link MlflowApi#PREFIX};
 * {@link MlflowApi} adds them to a Javalin config. Each handler answers JSON and turns every failure into MLflow's
 * error body itself, so the group needs no app-wide exception handler and cannot clash with the rest of the
 * server's.
 */
final class MlflowRoutes {
    /** One endpoint: request fields in, response object out (an empty object for MLflow's empty responses). */
    @FunctionalInterface
    interface Endpoint {
        ObjectNode handle(MlflowRequest request) throws Exception;
    }

    /** An endpoint's method and path (below the prefix). */
    record Key(HandlerType method, String path) {
    }

    private final Map<Key, Endpoint> endpoints = new LinkedHashMap<>();

    Map<Key, Endpoint> endpoints() {
        return endpoints;
    }

    /** A read: GET as MLflow serves it, POST accepted too (with the fields in a JSON body). */
    void read(String path, Endpoint endpoint) {
        add(HandlerType.GET, path, endpoint);
        add(HandlerType.POST, path, endpoint);
    }

    /** GET only, where POST on the same path means something else (registered-models/alias). */
    void get(String path, Endpoint endpoint) {
        add(HandlerType.GET, path, endpoint);
    }

    void post(String path, Endpoint endpoint) {
        add(HandlerType.POST, path, endpoint);
    }

    void patch(String path, Endpoint endpoint) {
        add(HandlerType.PATCH, path, endpoint);
    }

    void delete(String path, Endpoint endpoint) {
        add(HandlerType.DELETE, path, endpoint);
    }

    /** Any other path under the prefix: ENDPOINT_NOT_FOUND, as MLflow answers. */
    static void notFound(RoutesConfig routes) {
        for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PATCH,
                HandlerType.DELETE}) {
            routes.addHttpHandler(method, MlflowApi.PREFIX + "*", ctx -> error(ctx, new MlflowException(
                    MlflowException.ENDPOINT_NOT_FOUND, 404, "no MLflow endpoint " + ctx.method() + " " + ctx.path())));
        }
    }

    private void add(HandlerType method, String path, Endpoint endpoint) {
        endpoints.put(new Key(method, path), endpoint);
    }

    /**
     * Serves one request to the endpoint at {@code path} (below the prefix), and names the resource it acted on for
     * the audit log ({@link MlflowResource}), whether it succeeded or not.
     */
    static void respond(Context ctx, String path, Endpoint endpoint) {
        MlflowRequest request = null;
        ObjectNode out = null;
        try {
            request = new MlflowRequest(ctx);
            out = endpoint.handle(request);
        } catch (Exception e) {
            error(ctx, MlflowErrors.translate(e));
            return;
        } finally {
            if (request != null) {
                MlflowResource.of(path, request, out).ifPresent(resource -> resource.attachTo(ctx));
            }
        }
        write(ctx, 200, out);
    }

    private static void error(Context ctx, MlflowException e) {
        ObjectNode body = MlflowJson.object();
        body.put("error_code", e.errorCode());
        body.put("message", e.getMessage());
        write(ctx, e.status(), body);
    }

    private static void write(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }
}
