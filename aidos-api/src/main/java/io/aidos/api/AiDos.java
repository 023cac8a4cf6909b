package io.aidos.api;

import io.aidos.spi.BackendProvider;
import io.aidos.spi.BackendProviders;

/**
 * The AI-DOS entry point. One API over several backends: {@code local:PATH} (embedded H2 + artifact folder),
 * {@code jdbc:postgresql://...} (the same logic on a shared PostgreSQL) and {@code http(s)://...} (a remote
 * AI-DOS server). Implementations are thread-safe; close it to flush buffered metrics and release the store.
 *
 * <pre>{@code
 * try (AiDos aidos = AiDos.open("local:./aidos-data")) { ... }
 * }</pre>
 */
public interface AiDos extends AutoCloseable {

    /** Opens the backend whose provider accepts {@code uri}, found with {@link java.util.ServiceLoader}. */
    static AiDos open(String uri) {
        return open(AiDosConfig.builder().uri(uri).build());
    }

    /** Opens the backend whose provider accepts {@code config.uri()}. */
    static AiDos open(AiDosConfig config) {
        if (config == null) {
            throw new InvalidInputException("config", null, "must not be null");
        }
        return BackendProviders.find(config.uri()).open(config);
    }

    /** Opens {@code config} with an explicitly chosen provider, bypassing ServiceLoader. */
    static AiDos open(AiDosConfig config, BackendProvider provider) {
        if (config == null) {
            throw new InvalidInputException("config", null, "must not be null");
        }
        if (provider == null) {
            throw new InvalidInputException("provider", null, "must not be null");
        }
        if (!provider.accepts(config.uri())) {
            throw new InvalidInputException("uri", config.uri(), "is not accepted by backend " + provider.name());
        }
        return provider.open(config);
    }

    /** Versioned, content-addressed data sets. */
    Datasets datasets();

    /** Experiments, runs, parameters, metrics and run artifacts. */
    Experiments experiments();

    /** The model registry: registered models, versions and aliases. */
    Models models();

    /**
     * Training as persistent jobs. Needs a trainer for this backend on the class path (for the embedded backends,
     * the Maven artifact {@code io.aidos:aidos-training}); without one this throws
     * {@link BackendUnavailableException} naming it.
     */
    Trainer trainer();

    /**
     * Model deployments with replicas, autoscaling, canary and A/B routing, served over HTTP. Needs a deployer for
     * this backend on the class path (for the embedded backends, the Maven artifact {@code io.aidos:aidos-serving});
     * without one this throws {@link BackendUnavailableException} naming it.
     */
    Deployer deployer();

    /** The URI this instance was opened with, without credentials. */
    String uri();

    /** Flushes buffered writes and releases connections. Idempotent. */
    @Override
    void close();
}
