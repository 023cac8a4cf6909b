package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a hand-driven clock: no sleeps. */
class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        RateLimiter limiter = new RateLimiter(3, 2.0, 1000, nanos::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("key-1")).isZero();
        }
        Duration wait = limiter.tryAcquire("key-1");
        assertThat(wait).isEqualTo(Duration.ofMillis(500));
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(limiter.tryAcquire("key-1")).isPositive();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.tryAcquire("key-1")).isZero();
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("key-1")).as("refills to the burst, no more").isZero();
        }
        assertThat(limiter.tryAcquire("key-1")).isPositive();
    }

    @Test
    void keysAreIndependent() {
        RateLimiter perAddress = new RateLimiter(1, 1.0, 1000, nanos::get);
        assertThat(perAddress.tryAcquire("10.0.0.1")).isZero();
        assertThat(perAddress.tryAcquire("10.0.0.1")).isPositive();
        assertThat(perAddress.tryAcquire("10.0.0.2")).isZero();
    }

    @Test
    void idleBucketsAreDroppedWhenTheMapIsFull() {
        RateLimiter limiter = new RateLimiter(2, 10.0, 100, nanos::get);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("addr-" + i);
        }
        assertThat(limiter.size()).isEqualTo(100);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos()); // every bucket refilled: nothing worth keeping
        limiter.tryAcquire("new");
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(50, 0.001, 1000, nanos::get);
        AtomicLong allowed = new AtomicLong();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    if (limiter.tryAcquire("shared").isZero()) {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(allowed.get()).isEqualTo(50);
    }
}
