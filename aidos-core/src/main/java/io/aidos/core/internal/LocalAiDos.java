package io.aidos.core.internal;

import io.aidos.api.Deployer;
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
import io.aidos.api.NotFoundException;
import io.aidos.spi.Arguments;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-process backend: one connection pool, one artifact folder, one metric writer. Thread-safe.
 *
 * <p>What {@link #open} returns works in the {@code local} organization, as the embedded backend's single local
 * owner. {@link #forOrganization(String)} gives a view of the same store for another organization (the server
 * serves each request from its caller's): its datasets, experiments, runs, models and jobs are only that
 * organization's, its names are its own, and it shares the pool, blobs, metric writer and training workers.
 */
public final class LocalAiDos implements AiDos {
    /** The organization of the embedded backend's local owner and of everything stored before tenancy. */
    public static final String LOCAL_ORG = "local";
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
    private final AtomicBoolean closed;
    private final String orgId;
    private final LocalAiDos root; // null for the instance open() made
    private final Map<String, LocalAiDos> views;
    private final AtomicReference<InferenceAccess> inferenceAccess; // the root's, shared with every view
    private final AtomicReference<ServingTls> servingTls; // likewise; null: plain HTTP unless the config says
    private Trainer trainer; // opened on first use: it may start a worker
    private Deployer deployer; // opened on first use: it restores running deployments and starts an HTTP server

    private LocalAiDos(AiDosConfig config, StoreLocation location, Database db, BlobStore blobs) {
        this.uri = StoreLocation.redact(config.uri());
        this.config = config;
        this.dataFolder = location.localFolder() != null ? location.localFolder() : location.artifactRoot();
        this.db = db;
        this.blobs = blobs;
        // Write-behind threads: enough to overlap logging and I/O, leaving connections for everything else.
        this.metrics = new MetricWriter(db, config.metricBatchSize(), config.metricFlushInterval(),
                Math.max(1, Math.min(4, config.poolSize() / 2)));
        this.orgId = LOCAL_ORG;
        this.root = null;
        this.closed = new AtomicBoolean();
        this.views = new ConcurrentHashMap<>();
        this.inferenceAccess = new AtomicReference<>(InferenceAccess.OPEN);
        this.servingTls = new AtomicReference<>();
        this.datasets = new LocalDatasets(db, blobs, orgId);
        this.experiments = new LocalExperiments(db, blobs, metrics, orgId);
        this.models = new LocalModels(db, blobs, dataFolder.resolve("cache"), orgId);
        this.catalogs = new Catalogs(experiments, models);
    }

    private LocalAiDos(LocalAiDos root, String orgId) {
        this.uri = root.uri;
        this.config = root.config;
        this.dataFolder = root.dataFolder;
        this.db = root.db;
        this.blobs = root.blobs;
        this.metrics = root.metrics;
        this.orgId = orgId;
        this.root = root;
        this.closed = root.closed;
        this.views = root.views;
        this.inferenceAccess = root.inferenceAccess;
        this.servingTls = root.servingTls;
        this.datasets = new LocalDatasets(db, blobs, orgId);
        this.experiments = new LocalExperiments(db, blobs, metrics, orgId);
        this.models = new LocalModels(db, blobs, dataFolder.resolve("cache"), orgId);
        this.catalogs = new Catalogs(experiments, models);
    }

    public static LocalAiDos open(AiDosConfig config) {
        StoreLocation location = StoreLocation.of(config);
        BlobStore blobs = new BlobStore(location.artifactRoot());
        Database db = Database.open(location, config);
        return new LocalAiDos(config, location, db, blobs);
    }

    /**
     * This store as organization {@code orgId} sees it (this instance for {@code local}). Views are cached and
     * need no closing; closing the instance {@link #open} made closes them all.
     *
     * @throws NotFoundException if there is no such organization
     */
    public LocalAiDos forOrganization(String orgId) {
        Arguments.notNull("orgId", orgId);
        LocalAiDos top = root == null ? this : root;
        if (orgId.equals(LOCAL_ORG)) {
            return top;
        }
        LocalAiDos view = views.get(orgId);
        if (view != null) {
            return view;
        }
        if (db.queryOne("find organization", "SELECT 1 FROM organizations WHERE id = ?", rs -> 1, orgId).isEmpty()) {
            throw new NotFoundException("organization", orgId);
        }
        return views.computeIfAbsent(orgId, id -> new LocalAiDos(top, id));
    }

    /** The organization whose resources this instance sees ({@code local} unless from {@link #forOrganization}). */
    public String organization() {
        return orgId;
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
            if (root == null) {
                trainer = Extensions.trainer(this);
            } else if (root.trainer() instanceof OrganizationTrainers shared) {
                trainer = shared.forOrganization(this);
            } else {
                throw new UnsupportedOperationException("the trainer of " + uri + " serves only the local"
                        + " organization");
            }
        }
        return trainer;
    }

    /** Deployments of this store; organization views get their own deployer (deployment names are per organization). */
    @Override
    public synchronized Deployer deployer() {
        if (closed.get()) {
            throw new IllegalStateException("this AiDos instance is closed");
        }
        if (deployer == null) {
            deployer = Extensions.deployer(this);
        }
        return deployer;
    }

    @Override
    public String uri() {
        return uri;
    }

    /**
     * Who may call the inference endpoints of this store's deployments, every organization's ({@link
     * InferenceAccess#OPEN} unless set). Deployers ask it on every request, so a change holds for the next one.
     */
    public InferenceAccess inferenceAccess() {
        return inferenceAccess.get();
    }

    /** Sets {@link #inferenceAccess()} for this store and all its organization views (the server does). */
    public void inferenceAccess(InferenceAccess access) {
        inferenceAccess.set(Arguments.notNull("access", access));
    }

    /**
     * HTTPS for the inference servers of deployers opened from now on, every organization's (the server sets its own
     * keystore here); it takes precedence over {@code serving.tls.*} in the config. A deployer already open keeps
     * its server until the store is opened again.
     */
    public void servingTls(ServingTls tls) {
        servingTls.set(Arguments.notNull("tls", tls));
    }

    /** What {@link #servingTls(ServingTls)} set, if anything. */
    public java.util.Optional<ServingTls> servingTls() {
        return java.util.Optional.ofNullable(servingTls.get());
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

    /** Closes the store and every organization view of it; closing a view itself does nothing. */
    @Override
    public void close() {
        if (root == null && closed.compareAndSet(false, true)) {
            try {
                closeDeployers();
                closeTrainer();
                metrics.close();
            } finally {
                db.close();
            }
        }
    }

    private void closeDeployers() {
        java.util.List<LocalAiDos> all = new java.util.ArrayList<>(views.values());
        all.add(this);
        for (LocalAiDos each : all) {
            Deployer d;
            synchronized (each) {
                d = each.deployer;
                each.deployer = null;
            }
            if (d instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new io.aidos.api.AiDosException("could not stop the deployments: " + e.getMessage(), e);
                }
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
        return root == null ? "AiDos{" + uri + "}" : "AiDos{" + uri + ", organization " + orgId + "}";
    }
}
