package io.aidos.api;

import io.aidos.spi.Arguments;

import java.time.Duration;

/**
 * When a canary is rolled back without being asked: once it has answered at least {@code minRequests} requests in
 * the last {@code window}, an error rate above {@code maxErrorRate} or a p99 latency above {@code maxP99} over that
 * window sends all its traffic back to the primary.
 */
public record RollbackPolicy(double maxErrorRate, Duration maxP99, int minRequests, Duration window) {
    public static final RollbackPolicy DEFAULT = new RollbackPolicy(0.05, Duration.ofSeconds(1), 50,
            Duration.ofSeconds(60));

    public RollbackPolicy {
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new InvalidInputException("maxErrorRate", maxErrorRate, "must be between 0 and 1");
        }
        Arguments.notNull("maxP99", maxP99);
        Arguments.notNull("window", window);
        if (maxP99.isNegative() || maxP99.isZero() || window.isNegative() || window.isZero()) {
            throw new InvalidInputException("maxP99/window", maxP99 + "/" + window, "must be positive");
        }
        DeploymentSpec.checkRange("minRequests", minRequests, 1, 1_000_000);
    }
}
