package io.aidos.api;

import io.aidos.spi.Arguments;

import java.time.Duration;

/**
 * Dynamic batching, as DJL Serving and Triton do it: a replica gathers up to {@code maxBatchSize} rows from
 * concurrent requests, waiting at most {@code maxDelay} after the first, and predicts them in one model call. It
 * waits only while more requests for the deployment are still being read; with none on the way it runs what it has
 * at once, so a lone request is not held for {@code maxDelay}. A replica runs up to its {@code maxConcurrency} batches
 * at once, at most one per core.
 */
public record Batching(int maxBatchSize, Duration maxDelay) {
    public static final Batching NONE = new Batching(1, Duration.ZERO);

    public Batching {
        DeploymentSpec.checkRange("maxBatchSize", maxBatchSize, 1, 4096);
        Arguments.notNull("maxDelay", maxDelay);
        if (maxDelay.isNegative() || maxDelay.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new InvalidInputException("maxDelay", maxDelay, "must be between 0 and 1 s");
        }
    }

    public static Batching of(int maxBatchSize, Duration maxDelay) {
        return new Batching(maxBatchSize, maxDelay);
    }

    public boolean enabled() {
        return maxBatchSize > 1;
    }
}
