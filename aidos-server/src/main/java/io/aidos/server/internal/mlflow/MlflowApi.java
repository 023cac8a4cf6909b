package io.aidos.server.internal.mlflow;

import io.aidos.core.internal.Catalogs;
import io.aidos.core.internal.LocalAiDos;
import io.javalin.config.JavalinConfig;

/**
 * The MLflow Tracking REST API as one route group. Add it to any Javalin 7 app:
 *
 * <pre>{@code
 * Javalin app = Javalin.create(config -> MlflowApi.register(config, aidos));
 * }</pre>
 *
 * It registers only routes under {@value #PREFIX} (no app-wide handlers, JSON mapper or filters), answers JSON
 * with MLflow's field names and error body, and reads and writes the same store as {@code aidos}'s API.
 */
public final class MlflowApi {
    /** Where MLflow clients look, given {@code MLFLOW_TRACKING_URI=http://host:port}. */
    public static final String PREFIX = "/api/2.0/mlflow/";

    private MlflowApi() {
    }

    /** Registers every MLflow endpoint on {@code config.routes}, served from {@code aidos}'s store. */
    public static void register(JavalinConfig config, LocalAiDos aidos) {
        register(config.routes, aidos);
    }

    /** Registers every MLflow endpoint on {@code routesConfig}, served from {@code aidos}'s store. */
    public static void register(io.javalin.config.RoutesConfig routesConfig, LocalAiDos aidos) {
        Catalogs catalogs = aidos.catalogs();
        MlflowRoutes routes = new MlflowRoutes(routesConfig);
        ExperimentRoutes experiments = new ExperimentRoutes(catalogs.experiments());
        experiments.register(routes);
        new RunRoutes(catalogs, experiments).register(routes);
        new RunDataRoutes(catalogs.runs(), catalogs.values()).register(routes);
        new ModelRoutes(catalogs.models(), catalogs.versions()).register(routes);
        new VersionRoutes(catalogs.versions()).register(routes);
        routes.notFound();
    }
}
