package io.aidos.server.internal.mlflow;

import io.aidos.core.internal.Catalogs;
import io.aidos.core.internal.LocalAiDos;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
        register(config.routes, aidos, ctx -> aidos.organization());
    }

    /**
     * Registers every MLflow endpoint on {@code routesConfig}. Each request is served from the view of
     * {@code aidos}'s store of the organization {@code organizationOf} names for it
     * ({@link LocalAiDos#forOrganization}): ids and names of other organizations are not found.
     */
    public static void register(RoutesConfig routesConfig, LocalAiDos aidos, Function<Context, String> organizationOf) {
        Map<String, Map<MlflowRoutes.Key, MlflowRoutes.Endpoint>> byOrganization = new ConcurrentHashMap<>();
        Function<String, Map<MlflowRoutes.Key, MlflowRoutes.Endpoint>> endpointsOf = org -> byOrganization.computeIfAbsent(org,
                o -> endpoints(aidos.forOrganization(o)));
        for (MlflowRoutes.Key key : endpointsOf.apply(aidos.organization()).keySet()) {
            routesConfig.addHttpHandler(key.method(), PREFIX + key.path(), ctx -> MlflowRoutes.respond(ctx, key.path(),
                    r -> endpointsOf.apply(organizationOf.apply(ctx)).get(key).handle(r)));
        }
        MlflowRoutes.notFound(routesConfig);
    }

    /** Every endpoint as {@code METHOD /api/2.0/mlflow/path}, sorted (what tests sweep). */
    public static java.util.List<String> routes(LocalAiDos aidos) {
        return endpoints(aidos).keySet().stream().map(k -> k.method().name() + " " + PREFIX + k.path()).sorted()
                .toList();
    }

    private static Map<MlflowRoutes.Key, MlflowRoutes.Endpoint> endpoints(LocalAiDos aidos) {
        Catalogs catalogs = aidos.catalogs();
        MlflowRoutes routes = new MlflowRoutes();
        ExperimentRoutes experiments = new ExperimentRoutes(catalogs.experiments());
        experiments.register(routes);
        new RunRoutes(catalogs, experiments).register(routes);
        new RunDataRoutes(catalogs.runs(), catalogs.values()).register(routes);
        new ModelRoutes(catalogs.models(), catalogs.versions()).register(routes);
        new VersionRoutes(catalogs.versions()).register(routes);
        return Map.copyOf(routes.endpoints());
    }
}
