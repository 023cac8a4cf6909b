package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.get;

import io.aidos.api.Run;
import io.aidos.spi.Arguments;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Run artifacts. Paths contain '/', so they travel in the {@code path} query parameter. Uploads stream to a temp
 * file (the store hashes and moves it), downloads stream from the store.
 */
final class ArtifactRoutes {
    private static final String TAG = "runs";
    private static final String RUN = "/api/v1/runs/{run_id}";
    private final ServerContext server;

    ArtifactRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                get(RUN + "/artifacts", TAG, "List a run's artifacts", ctx -> Json.ok(ctx, run(ctx).artifacts())),
                new ApiRoute(HandlerType.PUT, RUN + "/artifact", "Upload one artifact (?path=), streamed", TAG,
                        ApiRoute.Body.STREAM, ApiRoute.Produces.JSON, false, this::upload),
                get(RUN + "/artifact", TAG, "Download one artifact (?path=), streamed", this::download)
                        .produces(ApiRoute.Produces.BINARY));
    }

    private Run run(Context ctx) {
        return server.aidos(ctx).experiments().getRun(ctx.pathParam("run_id"));
    }

    private void upload(Context ctx) throws IOException {
        Run run = run(ctx);
        String path = Arguments.artifactPath("artifact path", ctx.queryParam("path"));
        Path tmp = Files.createTempFile("aidos-artifact-", ".bin");
        try {
            try (InputStream in = Limits.limited(ctx, server.uploadLimit())) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw Limits.rethrow(e);
            }
            run.logArtifact(path, tmp);
            Json.ok(ctx, run.artifacts().stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void download(Context ctx) throws IOException {
        Run run = run(ctx);
        try (InputStream in = run.openArtifact(ctx.queryParam("path"))) {
            ctx.status(200).contentType("application/octet-stream");
            try (OutputStream out = ctx.outputStream()) {
                in.transferTo(out);
            }
        }
    }
}
