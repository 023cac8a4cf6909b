package io.aidos.client.internal;

import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import java.time.Duration;

/**
 * Retry and circuit-breaker settings, from {@link AiDosConfig#properties()} ({@code client.retry.max-attempts},
 * {@code client.retry.initial-backoff-ms}, {@code client.retry.max-backoff-ms},
 * {@code client.circuit.failure-rate}, {@code client.circuit.minimum-calls}, {@code client.circuit.window},
 * {@code client.circuit.open-ms}) with the defaults below.
 */
record ClientSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, float failureRate,
                      int minimumCalls, int window, Duration openFor) {

    static ClientSettings of(AiDosConfig config) {
        return new ClientSettings(
                integer(config, "client.retry.max-attempts", 4, 1, 20),
                Duration.ofMillis(integer(config, "client.retry.initial-backoff-ms", 100, 1, 60_000)),
                Duration.ofMillis(integer(config, "client.retry.max-backoff-ms", 5_000, 1, 600_000)),
                integer(config, "client.circuit.failure-rate", 50, 1, 100),
                integer(config, "client.circuit.minimum-calls", 20, 1, 10_000),
                integer(config, "client.circuit.window", 50, 1, 10_000),
                Duration.ofMillis(integer(config, "client.circuit.open-ms", 10_000, 1, 3_600_000)));
    }

    private static int integer(AiDosConfig config, String key, int fallback, int min, int max) {
        String v = config.properties().get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new InvalidInputException(key, v, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, v, "must be a whole number");
        }
    }
}
