package io.aidos.client.internal;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Datasets;
import io.aidos.api.Experiments;
import io.aidos.api.Models;
import io.aidos.api.Trainer;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link AiDos} against a remote AI-DOS server. Thread-safe; close it to flush buffered metrics. */
public final class RemoteAiDos implements AiDos {
    private final String uri;
    private final HttpTransport transport;
    private final MetricBatcher metrics;
    private final RemoteDatasets datasets;
    private final RemoteExperiments experiments;
    private final RemoteModels models;
    private final RemoteTrainer trainer;
    private final RemoteDeployer deployer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RemoteAiDos(AiDosConfig config) {
        this.uri = redact(config.uri());
        this.transport = new HttpTransport(config);
        Rest rest = new Rest(transport);
        this.metrics = new MetricBatcher(rest, config.metricBatchSize(), config.metricFlushInterval());
        this.datasets = new RemoteDatasets(rest);
        this.experiments = new RemoteExperiments(rest, metrics);
        this.models = new RemoteModels(rest, ModelCache.folder(config));
        this.trainer = new RemoteTrainer(rest, experiments);
        this.deployer = new RemoteDeployer(rest);
    }

    public static RemoteAiDos open(AiDosConfig config) {
        return new RemoteAiDos(config);
    }

    @Override
    public Datasets datasets() {
        return datasets;
    }

    @Override
    public Experiments experiments() {
        return experiments;
    }

    @Override
    public Models models() {
        return models;
    }

    @Override
    public Trainer trainer() {
        return trainer;
    }

    /** The server's deployments (of this caller's organization); models run and are served in the server. */
    @Override
    public io.aidos.api.Deployer deployer() {
        return deployer;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                metrics.close();
            } finally {
                transport.close();
            }
        }
    }

    /** The URI without user info or query (which could hold credentials). */
    static String redact(String uri) {
        String s = uri.replaceFirst("//[^/@]*@", "//");
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    @Override
    public String toString() {
        return "AiDos{" + uri + "}";
    }
}
