package io.aidos.core.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Values read from the store, remembered for {@code ttl}, at most {@code maxEntries} of them (when full, expired
 * entries go first and then everything). A change stored in this process calls {@link #forget} at once, and a value
 * read before such a change is not cached after it ({@link #generation}); another process's change is seen when the
 * entry expires. A zero TTL turns it off. Thread-safe.
 */
class ExpiringCache<V> {
    private record Entry<V>(V value, long until) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    ExpiringCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The value cached under {@code key} less than the TTL ago, or null. */
    V get(String key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.until() <= clock.millis()) {
            entries.remove(key, e);
            return null;
        }
        return e.value();
    }

    /** Read before reading a value from the store; {@link #put} skips it if a {@link #forget} came since. */
    long generation() {
        return forgets.get();
    }

    void put(String key, V value, long generation) {
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
        Entry<V> entry = new Entry<>(value, now + ttl.toMillis());
        entries.put(key, entry);
        if (forgets.get() != generation) { // a change was stored while the value was being read: it may be stale
            entries.remove(key, entry);
        }
    }

    /** Drops every entry whose value matches; call after the change is stored. */
    void forget(Predicate<V> stale) {
        forgets.incrementAndGet();
        entries.values().removeIf(e -> stale.test(e.value()));
    }

    int size() {
        return entries.size();
    }
}
