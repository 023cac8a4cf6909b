package io.aidos.api;

import io.aidos.spi.Arguments;

import java.time.Duration;

/**
 * A deployment being described: {@code aidos.deployer().deploy("iris-prod").model("iris", "production")...start()}.
 * Each setter validates its value; {@link #start()} checks that a model was given. Not thread-safe.
 */
public final class DeploymentDraft {
    private final Deployer deployer;
    private final String name;
    private String model;
    private String version;
    private int replicas = 1;
    private Autoscaling autoscaling;
    private int maxConcurrency = DeploymentSpec.DEFAULT_MAX_CONCURRENCY;
    private int queueCapacity = DeploymentSpec.DEFAULT_QUEUE_CAPACITY;
    private Batching batching = Batching.NONE;
    private RollbackPolicy rollback = RollbackPolicy.DEFAULT;

    public DeploymentDraft(Deployer deployer, String name) {
        this.deployer = Arguments.notNull("deployer", deployer);
        this.name = Arguments.identifier("deployment name", name);
    }

    /** The registered model to serve: {@code aliasOrVersion} is an alias such as {@code production} or a number. */
    public DeploymentDraft model(String modelName, String aliasOrVersion) {
        this.model = Arguments.identifier("model name", modelName);
        this.version = Arguments.identifier("aliasOrVersion", aliasOrVersion);
        return this;
    }

    /** A fixed number of replicas (1 by default); each holds its own loaded model. */
    public DeploymentDraft replicas(int count) {
        DeploymentSpec.checkReplicas("replicas", count);
        this.replicas = count;
        this.autoscaling = null;
        return this;
    }

    /** Scales between {@code min} and {@code max} replicas on in-flight requests, with the default target. */
    public DeploymentDraft autoscale(int min, int max) {
        return autoscaling(Autoscaling.between(min, max));
    }

    /** Scales between {@code min} and {@code max} replicas, aiming at {@code targetConcurrency} per replica. */
    public DeploymentDraft autoscale(int min, int max, int targetConcurrency) {
        return autoscaling(Autoscaling.between(min, max).withTargetConcurrency(targetConcurrency));
    }

    /** Full control of autoscaling: windows, cooldown, target. */
    public DeploymentDraft autoscaling(Autoscaling policy) {
        this.autoscaling = Arguments.notNull("autoscaling", policy);
        this.replicas = Math.max(policy.min(), Math.min(policy.max(), replicas));
        return this;
    }

    /** How many requests one replica works on at once (default {@value DeploymentSpec#DEFAULT_MAX_CONCURRENCY}). */
    public DeploymentDraft maxConcurrency(int perReplica) {
        DeploymentSpec.checkRange("maxConcurrency", perReplica, 1, 1024);
        this.maxConcurrency = perReplica;
        return this;
    }

    /**
     * How many requests may wait per replica beyond {@link #maxConcurrency} (default
     * {@value DeploymentSpec#DEFAULT_QUEUE_CAPACITY}); past that a request is refused with
     * {@link OverloadedException} at once.
     */
    public DeploymentDraft queueCapacity(int perReplica) {
        DeploymentSpec.checkRange("queueCapacity", perReplica, 0, 100_000);
        this.queueCapacity = perReplica;
        return this;
    }

    /**
     * Groups concurrent requests into one model call of up to {@code maxBatchSize} rows, waiting at most
     * {@code maxDelay}; each replica runs up to {@link #maxConcurrency} batches at once, at most one per core.
     */
    public DeploymentDraft batching(int maxBatchSize, Duration maxDelay) {
        this.batching = Batching.of(maxBatchSize, maxDelay);
        return this;
    }

    /** When a canary is rolled back by itself (default: 5% errors or 1 s p99 over at least 50 requests). */
    public DeploymentDraft autoRollback(RollbackPolicy policy) {
        this.rollback = Arguments.notNull("autoRollback", policy);
        return this;
    }

    public DeploymentSpec spec() {
        if (model == null) {
            throw new InvalidInputException("model", null, "is required: call model(name, aliasOrVersion)");
        }
        Autoscaling scaling = autoscaling != null ? autoscaling : Autoscaling.fixed(replicas);
        return new DeploymentSpec(name, model, version, replicas, scaling, maxConcurrency, queueCapacity, batching,
                rollback);
    }

    /** Loads the model into its replicas and starts serving; returns once every replica is ready. */
    public Deployment start() {
        return deployer.start(spec());
    }
}
