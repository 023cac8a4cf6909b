package io.aidos.serving.internal.deploy;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.Deployer;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentNotFoundException;
import io.aidos.api.DeploymentSpec;
import io.aidos.api.ModelVersion;
import io.aidos.api.Prediction;
import io.aidos.api.RegisteredModel;
import io.aidos.api.VariantRole;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.serving.internal.http.ServingHttpServer;
import io.aidos.serving.internal.http.ServingSettings;
import io.aidos.serving.internal.stats.RequestRecorder;
import io.aidos.spi.Arguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The deployments of one organization on an embedded store, served over one HTTP server. Opening it starts the
 * deployments that were running when it last closed; closing it stops them without marking them stopped.
 *
 * <p>The HTTP server listens where {@link ServingSettings} says, except that the deployer of an organization view
 * ({@link LocalAiDos#forOrganization}) other than {@value LocalAiDos#LOCAL_ORG} always binds port 0 (a free port):
 * the views share one config, so a fixed {@code serving.port} would clash between organizations. A fixed port is
 * the {@code local} organization's only; the others' endpoints are in {@link Deployment#endpoint()}.
 */
public final class LocalDeployer implements Deployer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDeployer.class);
    private static final long TICK_MILLIS = 100;

    private final LocalAiDos aidos;
    private final DeploymentStore store;
    private final Map<String, LocalDeployment> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService control;
    private final ExecutorService loader;
    private final ThreadPoolExecutor shadows;
    private final ServingHttpServer http;

    private LocalDeployer(LocalAiDos aidos) {
        this.aidos = aidos;
        this.store = new DeploymentStore(aidos.database(), aidos.organization());
        this.control = Executors.newSingleThreadScheduledExecutor(daemon("aidos-deploy-control"));
        this.loader = Executors.newFixedThreadPool(2, daemon("aidos-replica-loader"));
        // Mirrored requests never slow real ones: a small pool and a bounded queue; a mirror that does not fit is
        // dropped (and counted as rejected on the shadow).
        this.shadows = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(
                1024), daemon("aidos-shadow"), new ThreadPoolExecutor.AbortPolicy());
        ServingSettings fromConfig = ServingSettings.from(aidos.config());
        ServingSettings settings = aidos.servingTls().map(fromConfig::withTls).orElse(fromConfig);
        this.http = new ServingHttpServer(this, LocalAiDos.LOCAL_ORG.equals(aidos.organization()) ? settings
                : settings.withPort(0));
    }

    static LocalDeployer open(LocalAiDos aidos) {
        LocalDeployer d = new LocalDeployer(aidos);
        try {
            d.http.start();
            d.restore();
            d.control.scheduleWithFixedDelay(d::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    @Override
    public synchronized Deployment start(DeploymentSpec spec) {
        Arguments.notNull("spec", spec);
        if (running.containsKey(spec.name())) {
            throw new AlreadyExistsException("deployment", spec.name());
        }
        ModelVersion version = resolve(spec.model(), spec.version());
        DeploymentRecorders recorders = new DeploymentRecorders(spec.rollback().window());
        Arrivals arrivals = new Arrivals();
        VariantRuntime primary = startVariant(spec, version, recorders, arrivals);
        LocalDeployment d = new LocalDeployment(this, spec, recorders, arrivals, TrafficPlan.only(primary),
                "started " + primary.id());
        try {
            store.save(d.stored());
        } catch (RuntimeException e) {
            primary.replicas().stop();
            throw e;
        }
        running.put(spec.name(), d);
        LOG.info("deployment {} serves {} on {}", spec.name(), primary.id(), endpoint(spec.name()));
        return d;
    }

    @Override
    public Deployment get(String name) {
        return deployment(name);
    }

    /** The store (organization view) whose deployments these are. */
    public LocalAiDos aidos() {
        return aidos;
    }

    /** The running deployment {@code name}, for the HTTP routes. */
    public LocalDeployment deployment(String name) {
        Arguments.notNull("deployment name", name);
        LocalDeployment d = running.get(name);
        if (d == null) {
            throw new DeploymentNotFoundException(name);
        }
        return d;
    }

    @Override
    public boolean exists(String name) {
        return running.containsKey(name);
    }

    @Override
    public List<Deployment> list() {
        List<Deployment> all = new ArrayList<>(running.values());
        all.sort(Comparator.comparing(Deployment::name));
        return all;
    }

    /** The base URI of deployment {@code name}'s MLflow scoring routes. */
    URI endpoint(String name) {
        return http.baseUri().resolve("deployments/" + name + "/");
    }

    /** The HTTP server's base URI ({@code /v2/...} and {@code /deployments/...} are below it). */
    public URI baseUri() {
        return http.baseUri();
    }

    ModelVersion resolve(String model, String aliasOrVersion) {
        RegisteredModel m = aidos.models().get(model);
        return aliasOrVersion.chars().allMatch(Character::isDigit) && aliasOrVersion.length() < 10
                ? m.version(Integer.parseInt(aliasOrVersion)) : m.byAlias(aliasOrVersion);
    }

    /** Loads {@code spec.replicas()} replicas of {@code version}; returns when they all serve. */
    VariantRuntime startVariant(DeploymentSpec spec, ModelVersion version, DeploymentRecorders recorders,
                                Arrivals arrivals) {
        ReplicaSet replicas = new ReplicaSet(spec.name() + "/" + version.modelName() + ":" + version.version(),
                () -> aidos.models().load(version), spec.maxConcurrency(), spec.queueCapacity(), spec.batching(),
                arrivals, loader);
        replicas.start(spec.replicas());
        return new VariantRuntime(version, replicas,
                recorders.serving(io.aidos.api.Variant.id(version.modelName(), version.version())),
                spec.autoscaling(), spec.replicas());
    }

    void mirror(VariantRuntime shadow, RequestRecorder recorder, List<? extends Map<String, ?>> rows) {
        try {
            shadows.execute(() -> {
                Replica r = shadow.replicas().acquire();
                if (r == null) {
                    recorder.rejected();
                    return;
                }
                try {
                    List<Prediction> ignored = LocalDeployment.run(recorder, r, rows);
                } catch (RuntimeException e) {
                    // counted as the shadow's error; its answers never reach the caller
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException full) {
            recorder.rejected();
        }
    }

    void save(LocalDeployment d) {
        store.save(d.stored());
    }

    void forget(LocalDeployment d) {
        running.remove(d.name(), d);
        store.markStopped(d.name());
        LOG.info("deployment {} stopped", d.name());
    }

    private void restore() {
        for (StoredDeployment s : store.running()) {
            try {
                running.put(s.spec().name(), restore(s));
            } catch (RuntimeException e) {
                LOG.warn("deployment {} could not be restarted: {}", s.spec().name(), e.getMessage());
            }
        }
    }

    private LocalDeployment restore(StoredDeployment s) {
        List<VariantRuntime> started = new ArrayList<>();
        DeploymentRecorders recorders = new DeploymentRecorders(s.spec().rollback().window());
        Arrivals arrivals = new Arrivals();
        try {
            VariantRuntime primary = null;
            VariantRuntime canary = null;
            VariantRuntime shadow = null;
            int canaryPercent = 0;
            int shadowPercent = 0;
            List<TrafficPlan.Arm> arms = new ArrayList<>();
            for (StoredDeployment.StoredVariant v : s.variants()) {
                VariantRuntime rt = startVariant(s.spec(), aidos.models().get(v.model()).version(v.version()),
                        recorders, arrivals);
                started.add(rt);
                switch (v.role()) {
                    case PRIMARY -> primary = rt;
                    case CANARY -> {
                        canary = rt;
                        canaryPercent = v.percent();
                    }
                    case SPLIT -> arms.add(new TrafficPlan.Arm(rt, v.percent()));
                    case SHADOW -> {
                        shadow = rt;
                        shadowPercent = v.percent();
                    }
                }
            }
            TrafficPlan plan = arms.isEmpty()
                    ? new TrafficPlan(primary, canary, canaryPercent, List.of(), shadow, shadowPercent)
                    : TrafficPlan.split(arms, shadow, shadowPercent);
            if (plan.primary() == null) {
                throw new IllegalStateException("no " + VariantRole.PRIMARY + " variant stored");
            }
            return new LocalDeployment(this, s.spec(), recorders, arrivals, plan, s.lastEvent());
        } catch (RuntimeException e) {
            started.forEach(v -> v.replicas().stop());
            throw e;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (LocalDeployment d : running.values()) {
            try {
                d.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("control step of deployment {} failed: {}", d.name(), e.getMessage());
            }
        }
    }

    /** Stops serving; deployments stay RUNNING in the store and start again when a deployer next opens. */
    @Override
    public void close() {
        control.shutdownNow();
        for (LocalDeployment d : running.values()) {
            d.shutdown(false); // requests in flight finish before the server stops
        }
        running.clear();
        http.stop();
        shadows.shutdownNow();
        loader.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
