package io.aidos.core.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recently verified API keys, keyed by SHA-256 of the whole presented key (so neither the secret nor a key that
 * merely shares a prefix can hit), for {@code ttl}: spares the key lookup and hash check per request. At most
 * {@code maxEntries}; when full, expired entries go first and then everything. {@link #forget} drops a key at
 * once (a revoke in this process); another process's revoke is seen when the entry expires. A zero TTL turns it off.
 */
final class ApiKeyCache {
    private record Entry(ApiKey key, long until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    ApiKeyCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The key verified for {@code presentedHash} less than the TTL ago, or null. */
    ApiKey get(String presentedHash) {
        Entry e = entries.get(presentedHash);
        if (e == null) {
            return null;
        }
        if (e.until() <= clock.millis()) {
            entries.remove(presentedHash, e);
            return null;
        }
        return e.key();
    }

    /** Read before looking a key up; {@link #put} skips a key read before a {@link #forget} that came since. */
    long generation() {
        return forgets.get();
    }

    void put(String presentedHash, ApiKey key, long generation) {
        if (ttl.isZero()) {
            return;
        }
        long now = clock.millis();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.until() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(presentedHash, new Entry(key, now + ttl.toMillis()));
        if (forgets.get() != generation) { // a revoke ran while the key was being read: it may be stale
            entries.remove(presentedHash);
        }
    }

    /** Drops every entry of key {@code keyId}; call after the revoke is stored. */
    void forget(String keyId) {
        forgets.incrementAndGet();
        entries.values().removeIf(e -> e.key().id().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
