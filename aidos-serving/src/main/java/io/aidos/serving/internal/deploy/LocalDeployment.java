package io.aidos.serving.internal.deploy;

import io.aidos.api.ConflictException;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentSpec;
import io.aidos.api.DeploymentStats;
import io.aidos.api.DeploymentStatus;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.OverloadedException;
import io.aidos.api.Prediction;
import io.aidos.api.Variant;
import io.aidos.spi.Arguments;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.stats.RequestRecorder;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A running deployment: a {@link TrafficPlan} over variants, each with its replicas. Requests read the plan once and
 * take a slot on a replica; rollout changes build a new plan, swap it in, then drain the variants that left it, so
 * requests already holding a slot finish on the old variant and later ones go to the new plan.
 */
public final class LocalDeployment implements Deployment {
    private static final int ROUTE_ATTEMPTS = 4;

    private final LocalDeployer deployer;
    private final DeploymentSpec spec;
    private final DeploymentRecorders recorders;
    private final Arrivals arrivals;
    private volatile TrafficPlan plan;
    private volatile DeploymentStatus status = DeploymentStatus.RUNNING;
    private volatile String lastEvent;

    LocalDeployment(LocalDeployer deployer, DeploymentSpec spec, DeploymentRecorders recorders, Arrivals arrivals,
                    TrafficPlan plan, String lastEvent) {
        this.deployer = deployer;
        this.recorders = recorders;
        this.arrivals = arrivals;
        this.spec = spec;
        this.plan = plan;
        this.lastEvent = lastEvent;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public DeploymentStatus status() {
        return status;
    }

    @Override
    public DeploymentSpec spec() {
        return spec;
    }

    @Override
    public URI endpoint() {
        return deployer.endpoint(name());
    }

    @Override
    public Prediction predict(Map<String, ?> features) {
        return predict(features, null);
    }

    @Override
    public Prediction predict(Map<String, ?> features, String routingKey) {
        return serve(Collections.singletonList(features), routingKey, null).predictions().get(0);
    }

    @Override
    public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
        Arguments.notNull("rows", rows);
        return serve(rows, null, null).predictions();
    }

    /** Requests being read for this deployment; the HTTP routes decode each body inside {@link Arrivals#during}. */
    public Arrivals arrivals() {
        return arrivals;
    }

    /** Predictions and the variant that made them. */
    public record Answer(List<Prediction> predictions, String model, int version, ModelSignature signature) {
    }

    /**
     * Answers {@code rows} on one replica: of the variant the plan routes {@code routingKey} to, or of model version
     * {@code version} when given (the Open Inference Protocol's {@code /versions/V} routes).
     */
    public Answer serve(List<? extends Map<String, ?>> rows, String routingKey, Integer version) {
        Routed to = route(rows, routingKey, version);
        Replica r = to.replica();
        return to.answer(rows.isEmpty() ? r.run(rows) : run(to.variant().recorder(), r, rows)); // empty: not counted
    }

    /**
     * {@link #serve} without waiting for a place or a batch: the answer is complete already when the model ran on this
     * thread, else a replica's thread completes it. Refusals (overload, no such version, stopped) are thrown at once.
     */
    public CompletableFuture<Answer> serveAsync(List<? extends Map<String, ?>> rows, String routingKey,
                                                Integer version) {
        Routed to = route(rows, routingKey, version);
        if (rows.isEmpty()) { // not counted
            return to.replica().submit(rows).thenApply(to::answer);
        }
        RequestRecorder recorder = to.variant().recorder();
        long start = System.nanoTime();
        return to.replica().submit(rows).handle((out, error) -> {
            long took = System.nanoTime() - start;
            if (error != null) {
                recorder.failure(took);
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            recorder.success(took);
            return to.answer(out);
        });
    }

    /** A variant and a slot on one of its replicas. */
    private record Routed(VariantRuntime variant, Replica replica) {
        Answer answer(List<Prediction> predictions) {
            ModelVersion v = variant.version();
            return new Answer(predictions, v.modelName(), v.version(), variant.signature());
        }
    }

    private Routed route(List<? extends Map<String, ?>> rows, String routingKey, Integer version) {
        for (int attempt = 1; ; attempt++) {
            TrafficPlan p = plan;
            if (status == DeploymentStatus.STOPPED) {
                throw new ConflictException("deployment " + name() + " is stopped");
            }
            VariantRuntime v = version == null ? p.route(routingKey) : p.byVersion(version);
            if (v == null) {
                throw new io.aidos.api.NotFoundException("model version", name() + "/" + version,
                        "deployment " + name() + " serves no version " + version + " (it serves "
                                + p.serving().stream().map(VariantRuntime::id).toList() + ")");
            }
            Replica r = v.replicas().acquire();
            if (r == null) {
                // A variant being replaced refuses new slots; the plan that replaced it is already in place.
                if ((v.replicas().stopped() || plan != p) && attempt < ROUTE_ATTEMPTS) {
                    continue;
                }
                v.recorder().rejected();
                throw new OverloadedException(name(), "deployment " + name() + " is overloaded: every replica of "
                        + v.id() + " is busy and its queue is full (" + spec.maxConcurrency() + " running + "
                        + spec.queueCapacity() + " queued per replica); retry later");
            }
            if (p.mirror()) {
                deployer.mirror(p.shadow(), recorders.shadow(p.shadow().id()), rows);
            }
            return new Routed(v, r);
        }
    }

    static List<Prediction> run(RequestRecorder recorder, Replica r, List<? extends Map<String, ?>> rows) {
        long start = System.nanoTime();
        try {
            List<Prediction> out = r.run(rows);
            recorder.success(System.nanoTime() - start);
            return out;
        } catch (RuntimeException | Error e) {
            recorder.failure(System.nanoTime() - start);
            throw e;
        }
    }

    /** The signature of what {@code version} (or the primary when null) takes and gives. */
    public ModelSignature signature(Integer version) {
        TrafficPlan p = plan;
        VariantRuntime v = version == null ? p.primary() : p.byVersion(version);
        if (v == null) {
            throw new io.aidos.api.NotFoundException("model version", name() + "/" + version);
        }
        return v.signature();
    }

    TrafficPlan plan() {
        return plan;
    }

    /** Whether every serving variant has a replica up. */
    public boolean ready() {
        return status == DeploymentStatus.RUNNING && plan.serving().stream().allMatch(v -> v.replicas().size() > 0);
    }

    /** The model versions answering requests, primary first. */
    public List<Integer> servingVersions() {
        return plan.serving().stream().map(v -> v.version().version()).toList();
    }

    @Override
    public List<Variant> variants() {
        return plan.describe();
    }

    @Override
    public DeploymentStats stats() {
        return Stats.of(plan, recorders, lastEvent);
    }

    /** Each variant's counters and latency histogram, for a metrics scrape (see {@link #stats()} for the keys). */
    public List<VariantMetrics> metrics() {
        return Stats.metrics(plan, recorders);
    }

    @Override
    public synchronized Deployment canary(String model, String aliasOrVersion, int percent) {
        checkRunning();
        checkPercent("canary percent", percent, 1, 99);
        if (!plan.split().isEmpty()) {
            throw new ConflictException("deployment " + name() + " runs an A/B split; end it with split(...) at 100"
                    + " for one version before starting a canary");
        }
        ModelVersion version = deployer.resolve(model, aliasOrVersion);
        TrafficPlan old = plan;
        VariantRuntime v = reuseOrStart(version, old);
        change(old.withCanary(v, percent), "canary " + v.id() + " at " + percent + "%");
        return this;
    }

    @Override
    public synchronized Deployment promote() {
        checkRunning();
        TrafficPlan old = plan;
        if (old.canary() == null) {
            throw new ConflictException("deployment " + name() + " has no canary to promote");
        }
        change(new TrafficPlan(old.canary(), null, 0, List.of(), old.shadow(), old.shadowPercent()),
                "promoted " + old.canary().id());
        return this;
    }

    @Override
    public Deployment rollback() {
        return rollback("rolled back");
    }

    synchronized Deployment rollback(String why) {
        checkRunning();
        TrafficPlan old = plan;
        if (old.canary() == null) {
            throw new ConflictException("deployment " + name() + " has no canary to roll back");
        }
        change(new TrafficPlan(old.primary(), null, 0, List.of(), old.shadow(), old.shadowPercent()),
                why + " " + old.canary().id());
        return this;
    }

    @Override
    public synchronized Deployment split(Map<String, Integer> percentByVersion) {
        checkRunning();
        Arguments.notNull("split", percentByVersion);
        if (percentByVersion.isEmpty()) {
            throw new InvalidInputException("split", percentByVersion, "must name at least one version");
        }
        int sum = 0;
        for (Map.Entry<String, Integer> e : percentByVersion.entrySet()) {
            checkPercent("split percent of " + e.getKey(), e.getValue() == null ? -1 : e.getValue(), 0, 100);
            sum += e.getValue();
        }
        if (sum != 100) {
            throw new InvalidInputException("split", percentByVersion, "percentages must sum to 100 but sum to " + sum);
        }
        TrafficPlan old = plan;
        String model = old.primary().version().modelName();
        List<TrafficPlan.Arm> arms = new ArrayList<>();
        List<VariantRuntime> started = new ArrayList<>();
        try {
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(percentByVersion).entrySet()) {
                ModelVersion version = deployer.resolve(model, e.getKey());
                VariantRuntime v = find(old, version);
                if (v == null) {
                    v = started.stream().filter(s -> s.version().equals(version)).findFirst().orElse(null);
                }
                if (v == null) {
                    v = deployer.startVariant(spec, version, recorders, arrivals);
                    started.add(v);
                }
                arms.add(new TrafficPlan.Arm(v, e.getValue()));
            }
        } catch (RuntimeException e) {
            started.forEach(s -> s.replicas().stop());
            throw e;
        }
        change(TrafficPlan.split(arms, old.shadow(), old.shadowPercent()), "split " + percentByVersion);
        return this;
    }

    @Override
    public synchronized Deployment shadow(String model, String aliasOrVersion, int percent) {
        checkRunning();
        checkPercent("shadow percent", percent, 0, 100);
        TrafficPlan old = plan;
        if (percent == 0) {
            change(old.withShadow(null, 0), "shadow stopped");
            return this;
        }
        ModelVersion version = deployer.resolve(model, aliasOrVersion);
        VariantRuntime v = reuseOrStart(version, old);
        change(old.withShadow(v, percent), "shadow " + v.id() + " at " + percent + "%");
        return this;
    }

    private VariantRuntime reuseOrStart(ModelVersion version, TrafficPlan old) {
        VariantRuntime v = find(old, version);
        return v != null ? v : deployer.startVariant(spec, version, recorders, arrivals);
    }

    private static VariantRuntime find(TrafficPlan p, ModelVersion version) {
        for (VariantRuntime v : p.all()) {
            if (v.version().equals(version)) {
                return v;
            }
        }
        return null;
    }

    /** Swaps in {@code next}, stores it, then drains the variants it dropped. */
    private void change(TrafficPlan next, String event) {
        TrafficPlan old = plan;
        plan = next;
        lastEvent = event;
        deployer.save(this);
        for (VariantRuntime v : old.all()) {
            if (!next.all().contains(v)) {
                v.replicas().stop();
            }
        }
    }

    /** One control step: autoscale every variant and roll a failing canary back. */
    void tick(long nowNanos) {
        if (status != DeploymentStatus.RUNNING) {
            return;
        }
        TrafficPlan p = plan;
        p.all().forEach(v -> v.autoscale(nowNanos));
        VariantRuntime canary = p.canary();
        String breach = canary == null ? null : CanaryCheck.breach(canary.recorder().window(), spec.rollback());
        if (breach != null) {
            synchronized (this) {
                if (plan.canary() == canary) {
                    rollback("automatic rollback (" + breach + ") of");
                }
            }
        }
    }

    StoredDeployment stored() {
        return new StoredDeployment(spec, plan.describe().stream().map(StoredDeployment.StoredVariant::of).toList(),
                lastEvent);
    }

    /** Stops serving: new requests are refused, those in flight finish. {@code forget} marks it stopped in the store. */
    void shutdown(boolean forget) {
        TrafficPlan p;
        synchronized (this) {
            if (status == DeploymentStatus.STOPPED) {
                return;
            }
            status = DeploymentStatus.STOPPED;
            p = plan;
        }
        if (forget) {
            deployer.forget(this);
        }
        p.all().forEach(v -> v.replicas().stop());
        for (VariantRuntime v : p.all()) {
            try {
                v.replicas().awaitClosed(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        shutdown(true);
    }

    private void checkRunning() {
        if (status != DeploymentStatus.RUNNING) {
            throw new ConflictException("deployment " + name() + " is " + status.name().toLowerCase());
        }
    }

    private static void checkPercent(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, value, "must be between " + min + " and " + max);
        }
    }

    @Override
    public String toString() {
        return "Deployment{" + name() + ", " + variants() + "}";
    }
}
