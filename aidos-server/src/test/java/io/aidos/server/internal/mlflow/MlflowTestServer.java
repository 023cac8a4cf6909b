package io.aidos.server.internal.mlflow;

import io.aidos.api.AiDosConfig;
import io.aidos.core.internal.LocalAiDos;
import io.javalin.Javalin;

/** A store plus a Javalin on 127.0.0.1 and a free port serving only the MLflow routes. One per test class. */
final class MlflowTestServer implements AutoCloseable {
    final LocalAiDos aidos;
    final Javalin app;
    final String url;

    MlflowTestServer(AiDosConfig config) {
        this.aidos = LocalAiDos.open(config);
        this.app = Javalin.create(c -> {
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            MlflowApi.register(c, aidos);
        }).start();
        this.url = "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            aidos.close();
        }
    }
}
