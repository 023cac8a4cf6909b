package io.aidos.serving.internal.http;

import io.aidos.api.AiDosException;
import io.aidos.api.Deployment;
import io.aidos.serving.internal.deploy.LocalDeployer;
import io.aidos.serving.internal.deploy.LocalDeployment;
import io.aidos.serving.internal.deploy.VariantMetrics;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP server of a deployer (Javalin 7 on Jetty 12): the Open Inference Protocol v2 under {@code /v2},
 * MLflow's scoring protocol under {@code /deployments/NAME/} (and at the root while one deployment runs), KServe's V1
 * data plane under {@code /v1/models}, and Prometheus metrics at {@code /metrics}.
 */
public final class ServingHttpServer {
    private final ServingSettings settings;
    private final Javalin app;

    private static final int COPY_BUFFER_BYTES = 4096;

    public ServingHttpServer(LocalDeployer deployer, ServingSettings settings) {
        this.settings = settings;
        Callers callers = new Callers(deployer.aidos());
        OipRoutes oip = new OipRoutes(deployer, settings.maxRequestBytes(), callers);
        MlflowScoringRoutes mlflow = new MlflowScoringRoutes(deployer, settings.maxRequestBytes(), callers);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            // Bodies are read by RequestBodies with our own limit; Javalin's must not be lower.
            c.http.maxRequestSize = settings.maxRequestBytes();
            c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            configureThreads(c, settings.httpThreads());
            if (settings.tls() != null) {
                c.jetty.addConnector((server, http) -> HttpsConnector.of(server, http, settings.tls().keystore(),
                        settings.tls().password(), settings.host(), settings.port()));
            }
            oip.register(c.routes);
            mlflow.register(c.routes);
            new KserveV1Routes(deployer, settings.maxRequestBytes(), callers).register(c.routes);
            c.routes.get("/metrics", Responses.guarded(callers.guarding(ctx -> Responses.write(ctx, 200, PrometheusMetrics.CONTENT_TYPE,
                    PrometheusMetrics.write(metrics(deployer)))), (code, message) -> message.getBytes(
                    StandardCharsets.UTF_8)));
        });
    }

    /** Each deployment's variant counters, by deployment name. */
    private static Map<String, List<VariantMetrics>> metrics(LocalDeployer deployer) {
        Map<String, List<VariantMetrics>> out = new TreeMap<>();
        for (Deployment d : deployer.list()) {
            out.put(d.name(), ((LocalDeployment) d).metrics());
        }
        return out;
    }

    /**
     * Jetty's pool for {@code serving.httpThreads}: a fixed pool without reserved threads, whose threads take the next
     * request from the queue while busy instead of one being woken per request (see
     * {@link ServingSettings#defaultHttpThreads}); Javalin's own for {@link ServingSettings#JAVALIN_DEFAULT_POOL}.
     * Public for the benchmarks' bare Javalin ceiling, which runs on the same settings.
     */
    public static void configureThreads(JavalinConfig c, int httpThreads) {
        if (httpThreads != ServingSettings.JAVALIN_DEFAULT_POOL) {
            QueuedThreadPool pool = new QueuedThreadPool(httpThreads, httpThreads);
            pool.setReservedThreads(0);
            pool.setName("aidos-serving-http");
            c.jetty.threadPool = pool;
        }
        // Answers are small JSON documents; checking every one for gzip costs more than it saves here.
        c.http.compressionStrategy = CompressionStrategy.NONE;
        // Javalin copies each answer into the response through a new buffer of this size (Jetty's 32 KiB output
        // buffer by default), allocated per request; answers are mostly a few hundred bytes. Larger ones are
        // copied in several pieces into the same Jetty output buffer.
        c.http.responseBufferSize = COPY_BUFFER_BYTES;
    }

    public void start() {
        try {
            if (settings.tls() != null) {
                app.start(); // the HTTPS connector has the host and port
            } else {
                app.start(settings.host(), settings.port());
            }
        } catch (RuntimeException e) {
            throw new AiDosException("could not start the serving HTTP server on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    public URI baseUri() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create((settings.tls() != null ? "https://" : "http://") + host + ":" + app.port() + "/");
    }

    public void stop() {
        app.stop();
    }
}
