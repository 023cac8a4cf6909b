package io.aidos.server;

import io.aidos.api.AiDos;
import io.javalin.config.RoutesConfig;

/**
 * A set of routes another module adds to the server, such as the MLflow-compatible API under
 * {@code /api/2.0/mlflow}: {@code AidosServer.builder(aidos).routes(new MlflowRoutes())}. Its routes share the
 * server's authentication (every {@code /api/} path), size limits and error handling: an
 * {@link io.aidos.api.AiDosException} thrown by a handler becomes {@link #errorBody} with its HTTP status.
 */
public interface RouteGroup {

    /** Registers the group's routes; called once while the server is configured. */
    void register(RoutesConfig routes, AiDos aidos);

    /** The path prefix this group owns, e.g. {@code /api/2.0/mlflow}; errors under it use {@link #errorBody}. */
    String pathPrefix();

    /** The JSON error body for {@code e} under {@link #pathPrefix()}; null keeps the AI-DOS body. */
    default java.util.Map<String, Object> errorBody(io.aidos.api.AiDosException e) {
        return null;
    }
}
