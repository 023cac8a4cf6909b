package io.aidos.core.internal;

import io.aidos.api.Trainer;
import io.aidos.spi.Extensions;
import java.nio.file.Path;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Datasets;
import io.aidos.api.Experiments;
import io.aidos.api.Models;
import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.core.internal.dataset.LocalDatasets;
import io.aidos.core.internal.registry.LocalModels;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.StoreLocation;
import io.aidos.core.internal.tracking.LocalExperiments;
import io.aidos.core.internal.tracking.MetricWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/** The in-process backend: one connection pool, one artifact folder, one metric writer. Thread-safe. */
public final class LocalAiDos implements AiDos {
    private final String uri;
    private final Database db;
    private final BlobStore blobs;
    private final MetricWriter metrics;
    private final LocalDatasets datasets;
    private final LocalExperiments experiments;
    private final LocalModels models;
    private final Catalogs catalogs;
    private final AiDosConfig config;
    private final Path dataFolder;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Trainer trainer; // opened on first use: it may start a worker

    private LocalAiDos(AiDosConfig config, StoreLocation location, Database db, BlobStore blobs) {
        this.uri = StoreLocation.redact(config.uri());
        this.config = config;
        this.dataFolder = location.localFolder() != null ? location.localFolder() : location.artifactRoot();
        this.db = db;
        this.blobs = blobs;
        // Write-behind threads: enough to overlap logging and I/O, leaving connections for everything else.
        this.metrics = new MetricWriter(db, config.metricBatchSize(), config.metricFlushInterval(),
                Math.max(1, Math.min(4, config.poolSize() / 2)));
        this.datasets = new LocalDatasets(db, blobs);
        this.experiments = new LocalExperiments(db, blobs, metrics);
        this.models = new LocalModels(db, blobs, dataFolder.resolve("cache"));
        this.catalogs = new Catalogs(experiments, models);
    }

    public static LocalAiDos open(AiDosConfig config) {
        StoreLocation location = StoreLocation.of(config);
        BlobStore blobs = new BlobStore(location.artifactRoot());
        Database db = Database.open(location, config);
        return new LocalAiDos(config, location, db, blobs);
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
    public synchronized Trainer trainer() {
        if (closed.get()) {
            throw new IllegalStateException("this AiDos instance is closed");
        }
        if (trainer == null) {
            trainer = Extensions.trainer(this);
        }
        return trainer;
    }

    @Override
    public String uri() {
        return uri;
    }

    /** The store, for benchmarks and for modules (training, server) that build on the core. */
    public Database database() {
        return db;
    }

    /** The store's views for the server's MLflow API: lifecycle stages, tags, descriptions, paged searches. */
    public Catalogs catalogs() {
        return catalogs;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public AiDosConfig config() {
        return config;
    }

    /**
     * The folder this store keeps its files in ({@code local:PATH}'s folder, else the artifact root); caches such as
     * unpacked models and DJL's native libraries go below it, never into the user's home.
     */
    public Path dataFolder() {
        return dataFolder;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                closeTrainer();
                metrics.close();
            } finally {
                db.close();
            }
        }
    }

    private void closeTrainer() {
        Trainer t;
        synchronized (this) {
            t = trainer;
        }
        if (t instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new io.aidos.api.AiDosException("could not stop the training worker: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "AiDos{" + uri + "}";
    }
}
