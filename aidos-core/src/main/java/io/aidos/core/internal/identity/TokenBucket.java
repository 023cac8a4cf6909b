package io.aidos.core.internal.identity;

import java.time.Duration;

/**
 * One token bucket: holds up to {@code capacity} tokens and gains {@code refillPerSecond} per second; each
 * request takes one. Thread-safe. Time is passed in (nanoseconds, as from {@link System#nanoTime()}) so tests
 * need no sleeps.
 */
final class TokenBucket {
    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes a token: {@link Duration#ZERO} if one was there, else how long until one will be (nothing taken). */
    synchronized Duration tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / refillPerNano));
    }

    /** Whether the bucket is full at {@code nowNanos}: it then holds no state worth keeping. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            last = nowNanos;
        }
    }
}
