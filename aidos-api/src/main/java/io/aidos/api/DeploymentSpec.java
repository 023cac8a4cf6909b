package io.aidos.api;

import io.aidos.spi.Arguments;

/**
 * What a deployment was asked to be, as {@link DeploymentDraft} built it.
 *
 * @param version an alias or version number of {@code model}, resolved to a version when the deployment starts
 * @param replicas the replicas to start with; autoscaling moves between its min and max from there
 */
public record DeploymentSpec(String name, String model, String version, int replicas, Autoscaling autoscaling,
                             int maxConcurrency, int queueCapacity, Batching batching, RollbackPolicy rollback) {
    public static final int DEFAULT_MAX_CONCURRENCY = 4;
    public static final int DEFAULT_QUEUE_CAPACITY = 256;
    public static final int MAX_REPLICAS = 64;

    public DeploymentSpec {
        Arguments.identifier("deployment name", name);
        Arguments.identifier("model name", model);
        Arguments.identifier("aliasOrVersion", version);
        Arguments.notNull("autoscaling", autoscaling);
        Arguments.notNull("batching", batching);
        Arguments.notNull("rollback", rollback);
        checkReplicas("replicas", replicas);
        if (replicas < autoscaling.min() || replicas > autoscaling.max()) {
            throw new InvalidInputException("replicas", replicas, "must be between autoscale min "
                    + autoscaling.min() + " and max " + autoscaling.max());
        }
        checkRange("maxConcurrency", maxConcurrency, 1, 1024);
        checkRange("queueCapacity", queueCapacity, 0, 100_000);
    }

    static void checkReplicas(String field, int count) {
        checkRange(field, count, 1, MAX_REPLICAS);
    }

    static void checkRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, value, "must be between " + min + " and " + max);
        }
    }
}
