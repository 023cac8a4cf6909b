package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The one {@code /api/v1} route table: Javalin registers it and {@link OpenApiDocument} describes it. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    public static List<ApiRoute> of(ServerContext server) {
        return of(server, List.of());
    }

    /** The table with {@code extra} routes (the identity API, say) before the OpenAPI document. */
    public static List<ApiRoute> of(ServerContext server, List<ApiRoute> extra) {
        List<ApiRoute> all = new ArrayList<>();
        all.add(get("/api/v1/health", "system", "Liveness: {status: UP, backend, deployments: {count, ready}}",
                ctx -> Json.ok(ctx, health(server))));
        all.addAll(new DatasetRoutes(server).routes());
        all.addAll(new ExperimentRoutes(server).routes());
        all.addAll(new RunRoutes(server).routes());
        all.addAll(new ArtifactRoutes(server).routes());
        all.addAll(new RegistryRoutes(server).routes());
        all.addAll(new TrainingRoutes(server).routes());
        all.addAll(new DeploymentRoutes(server).routes());
        all.addAll(extra);
        AtomicReference<List<ApiRoute>> table = new AtomicReference<>();
        all.add(get("/api/v1/openapi.json", "system", "This OpenAPI 3 document", ctx -> Json.ok(ctx,
                OpenApiDocument.of(table.get()))));
        table.set(List.copyOf(all));
        return table.get();
    }

    /** Needs no key, so it names nothing of any organization: deployments are counted, not listed. */
    private static Map<String, Object> health(ServerContext server) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        m.put("backend", server.root().uri());
        m.put("deployments", server.deployers().health());
        return m;
    }
}
