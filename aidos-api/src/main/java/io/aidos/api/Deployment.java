package io.aidos.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A running deployment: one or more variants (model versions), each with its own replicas, behind one router.
 * Thread-safe. Rollout changes ({@link #canary}, {@link #promote}, {@link #split}, ...) take effect for the next
 * request; requests already on a replica finish there, so no request is dropped.
 */
public interface Deployment {

    String name();

    DeploymentStatus status();

    DeploymentSpec spec();

    /**
     * The base URI of its HTTP endpoint. MLflow's scoring protocol is below it ({@code invocations}, {@code ping},
     * {@code health}, {@code version}); the Open Inference Protocol v2 is at {@code /v2/models/NAME} on the same
     * server.
     */
    URI endpoint();

    /** Predicts one row, routed like an HTTP request; {@link OverloadedException} when every replica is full. */
    Prediction predict(Map<String, ?> features);

    /**
     * Predicts one row with a routing key: under a {@link #split}, the same key always reaches the same variant
     * (sticky A/B routing).
     */
    Prediction predict(Map<String, ?> features, String routingKey);

    /** Predicts rows as one request (one variant, one replica). */
    List<Prediction> predictAll(List<? extends Map<String, ?>> rows);

    /** The variants now serving, with their traffic share. */
    List<Variant> variants();

    /** Requests, errors and latency percentiles since start, in total and per variant. */
    DeploymentStats stats();

    /** Sends {@code percent} (1 to 99) of traffic to {@code model} at {@code aliasOrVersion}; replaces any canary. */
    Deployment canary(String model, String aliasOrVersion, int percent);

    /** Makes the canary the primary with all traffic; the old primary's replicas drain and stop. */
    Deployment promote();

    /** Sends all traffic back to the primary and stops the canary (also done automatically, see {@link RollbackPolicy}). */
    Deployment rollback();

    /**
     * An A/B test over versions of the primary's model: version number or alias to percent, summing to 100.
     * Requests with a routing key stick to one variant.
     */
    Deployment split(Map<String, Integer> percentByVersion);

    /**
     * Mirrors {@code percent} of requests to {@code model} at {@code aliasOrVersion} as well; its answers are
     * discarded and only its stats are kept. {@code percent} 0 stops the shadow.
     */
    Deployment shadow(String model, String aliasOrVersion, int percent);

    /** Stops taking requests, lets those in flight finish, and releases the models. Idempotent. */
    void stop();
}
