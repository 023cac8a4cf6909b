package io.aidos.benchmarks;

import io.aidos.serving.internal.http.ServingHttpServer;
import io.aidos.serving.internal.http.ServingSettings;
import io.javalin.Javalin;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP ceiling of the serving rows: Javalin (the version aidos-serving runs on) with one POST route that reads
 * the body and answers a fixed JSON document of the size of an Open Inference Protocol answer; with Javalin's default
 * Jetty settings, or with the serving server's (its fixed thread pool of {@code serving.httpThreads}, no gzip check).
 */
final class BareJavalin implements AutoCloseable {
    /** About as long as the {@code /v2/models/iris/infer} answer for one row. */
    private static final byte[] ANSWER = ("{\"model_name\":\"iris\",\"model_version\":\"1\",\"outputs\":[{\"name\":"
            + "\"label\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"setosa\"]},{\"name\":\"scores\",\"shape\":"
            + "[1,3],\"datatype\":\"FP64\",\"data\":[0.9,0.05,0.05]}]}").getBytes(StandardCharsets.UTF_8);

    private final Javalin app;

    private BareJavalin(Javalin app) {
        this.app = app;
    }

    static BareJavalin start(boolean servingSettings) {
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            if (servingSettings) {
                ServingHttpServer.configureThreads(c, ServingSettings.defaultHttpThreads());
            }
            c.routes.post("/infer", ctx -> {
                ctx.bodyAsBytes();
                ctx.status(200).contentType("application/json").result(ANSWER);
            });
        });
        app.start("127.0.0.1", 0);
        return new BareJavalin(app);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + app.port() + "/infer");
    }

    @Override
    public void close() {
        app.stop();
    }
}
