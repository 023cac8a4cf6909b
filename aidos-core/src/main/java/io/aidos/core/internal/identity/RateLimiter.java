package io.aidos.core.internal.identity;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token-bucket rate limits per key: an API key id, a user id or a client address, each with its own bucket of
 * {@code burst} requests refilled at {@code perSecond}. In memory, per server process: with N servers behind a
 * balancer a client gets up to N times the rate. Full (idle) buckets are dropped once the map exceeds
 * {@code maxKeys}, so a flood of distinct addresses cannot exhaust memory.
 *
 * <pre>
 * RateLimiter perAddress = RateLimiter.of(100, 20.0); // bursts of 100, then 20 requests/s
 * Duration wait = perAddress.tryAcquire(remoteAddress);
 * if (!wait.isZero()) { answer 429 with Retry-After: ceil(wait seconds) }
 * </pre>
 */
public final class RateLimiter {
    private static final int DEFAULT_MAX_KEYS = 100_000;
    private final int burst;
    private final double perSecond;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int burst, double perSecond, int maxKeys, LongSupplier nanoClock) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1 but was " + burst);
        }
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be > 0 but was " + perSecond);
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    public static RateLimiter of(int burst, double perSecond) {
        return new RateLimiter(burst, perSecond, DEFAULT_MAX_KEYS, System::nanoTime);
    }

    /** {@link Duration#ZERO} when the request may go ahead, else how long the caller should wait (Retry-After). */
    public Duration tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(burst, perSecond, now)).tryTake(now);
    }

    /** Buckets held now (for tests and metrics). */
    int size() {
        return buckets.size();
    }
}
