package io.aidos.serving.internal.http;

import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.ServingTls;

import java.nio.file.Path;

/**
 * Where deployments are served, from {@link AiDosConfig#properties()}: {@code serving.host} (default 127.0.0.1),
 * {@code serving.port} (default 0: a free port, see {@code Deployment.endpoint()}) and
 * {@code serving.maxRequestBytes} (default 16 MiB; larger bodies get 413) and {@code serving.httpThreads} (default
 * the cores + 2: Jetty's acceptor and selector, and one thread per core reading requests, see
 * {@link #defaultHttpThreads}; 0 for Javalin's default pool), and HTTPS with {@code serving.tls.keystore} (a PKCS12
 * file) and {@code serving.tls.password}. A fixed {@code serving.port} holds for the {@code local} organization only:
 * other organizations' deployers bind a free port (see {@code LocalDeployer}).
 *
 * @param tls HTTPS, or null for plain HTTP
 */
public record ServingSettings(String host, int port, long maxRequestBytes, int httpThreads, ServingTls tls) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L << 20;
    /** Jetty needs an acceptor, a selector and at least two threads for requests. */
    public static final int MIN_HTTP_THREADS = 4;
    /** {@code serving.httpThreads=0}: Javalin's default pool, which grows with the load (up to 250 threads). */
    public static final int JAVALIN_DEFAULT_POOL = 0;

    public ServingSettings {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("serving.port", port, "must be between 0 and 65535");
        }
        if (maxRequestBytes < 1024) {
            throw new InvalidInputException("serving.maxRequestBytes", maxRequestBytes, "must be at least 1024");
        }
        if (httpThreads != JAVALIN_DEFAULT_POOL && httpThreads < MIN_HTTP_THREADS) {
            throw new InvalidInputException("serving.httpThreads", httpThreads, "must be at least "
                    + MIN_HTTP_THREADS + " (Jetty's acceptor and selector and two threads for requests), or 0 for"
                    + " Javalin's default pool");
        }
    }

    /**
     * One request thread per core, plus Jetty's acceptor and selector. Request threads only read, decode and answer:
     * a model that is slow or busy, and batching, run on the replicas' own threads (see {@code Replica}), so a
     * small pool admits any number of requests. Keeping it small keeps its threads busy instead of parked and woken
     * for every request, which on 2 cores nearly doubles the requests a second that Jetty answers.
     */
    public static int defaultHttpThreads() {
        return Math.max(MIN_HTTP_THREADS, Runtime.getRuntime().availableProcessors() + 2);
    }

    /** The same settings on {@code port} (0: a free one). */
    public ServingSettings withPort(int port) {
        return new ServingSettings(host, port, maxRequestBytes, httpThreads, tls);
    }

    /** The same settings over HTTPS with {@code tls}. */
    public ServingSettings withTls(ServingTls tls) {
        return new ServingSettings(host, port, maxRequestBytes, httpThreads, tls);
    }

    public static ServingSettings from(AiDosConfig config) {
        var p = config.properties();
        return new ServingSettings(p.getOrDefault("serving.host", "127.0.0.1"),
                number(p.get("serving.port"), "serving.port", 0),
                number(p.get("serving.maxRequestBytes"), "serving.maxRequestBytes", DEFAULT_MAX_REQUEST_BYTES),
                number(p.get("serving.httpThreads"), "serving.httpThreads", defaultHttpThreads()), tls(p));
    }

    private static ServingTls tls(java.util.Map<String, String> p) {
        String keystore = p.get("serving.tls.keystore");
        if (keystore == null || keystore.isBlank()) {
            if (p.containsKey("serving.tls.password")) {
                throw new InvalidInputException("serving.tls.keystore", null, "is required with serving.tls.password");
            }
            return null;
        }
        return new ServingTls(Path.of(keystore.trim()), p.get("serving.tls.password"));
    }

    private static int number(String value, String field, int fallback) {
        return (int) number(value, field, (long) fallback);
    }

    private static long number(String value, String field, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, value, "must be a whole number");
        }
    }
}
