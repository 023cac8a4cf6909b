package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The verified-key cache: expiry, its bound, forgetting a key, and a revoke racing a lookup. */
class ApiKeyCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static ApiKey key(String id) {
        return new ApiKey(id, "p" + id, "n", "u", "o", EnumSet.of(Action.READ), Instant.EPOCH, null, null, null);
    }

    @Test
    void entriesExpireAreBoundedAndForgottenByKeyId() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(5), 3, clock);
        cache.put("h1", key("a"), cache.generation());
        cache.put("h2", key("a"), cache.generation());
        cache.put("h3", key("b"), cache.generation());
        assertThat(cache.get("h1").id()).isEqualTo("a");
        cache.forget("a");
        assertThat(cache.get("h1")).isNull();
        assertThat(cache.get("h2")).isNull();
        assertThat(cache.get("h3").id()).isEqualTo("b");
        for (int i = 0; i < 10; i++) {
            cache.put("x" + i, key("x" + i), cache.generation());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.get("x9")).isNull();
    }

    @Test
    void aKeyReadBeforeARevokeIsNotCachedAfterIt() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(5), 100, clock);
        long before = cache.generation();
        cache.forget("a"); // the revoke lands while the lookup is in flight
        cache.put("h", key("a"), before);
        assertThat(cache.get("h")).isNull();
        ApiKeyCache off = new ApiKeyCache(Duration.ZERO, 100, clock);
        off.put("h", key("a"), off.generation());
        assertThat(off.get("h")).isNull();
    }
}
