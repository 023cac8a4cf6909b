package io.aidos.server.internal.mlflow;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosException;
import io.aidos.api.AuthenticationException;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.server.RouteGroup;
import io.aidos.server.internal.Tenancy;
import io.javalin.config.RoutesConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MLflow API as a route group of {@link io.aidos.server.AidosServer}: it shares the server's authentication and
 * limits, and errors raised before its handlers run (401, 403, 413) get MLflow's error body. Each request is served
 * from its caller's organization ({@link Tenancy}).
 */
public final class MlflowRouteGroup implements RouteGroup {

    @Override
    public void register(RoutesConfig routes, AiDos aidos) {
        if (!(aidos instanceof LocalAiDos local)) {
            throw new IllegalArgumentException("the MLflow API serves an embedded store (local: or jdbc:), not "
                    + aidos.uri());
        }
        MlflowApi.register(routes, local, Tenancy::organization);
    }

    @Override
    public String pathPrefix() {
        return MlflowApi.PREFIX.substring(0, MlflowApi.PREFIX.length() - 1);
    }

    @Override
    public Map<String, Object> errorBody(AiDosException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", e instanceof AuthenticationException ? "UNAUTHENTICATED"
                : MlflowErrors.translate(e).errorCode());
        body.put("message", e.getMessage());
        return body;
    }
}
