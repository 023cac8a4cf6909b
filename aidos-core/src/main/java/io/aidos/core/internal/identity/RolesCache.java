package io.aidos.core.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users' roles as recently read, for {@code ttl}: spares the roles query on every authenticated request. At most
 * {@code maxEntries} users; when full, expired entries go first and then everything. {@link #forgetAll} drops
 * every entry at once (a membership or team change in this process; they are rare); another process's change is
 * seen when the entry expires. A zero TTL turns it off.
 */
final class RolesCache {
    private record Entry(Map<String, Role> roles, long until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    RolesCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The roles of {@code userId} read less than the TTL ago, or null. */
    Map<String, Role> get(String userId) {
        Entry e = entries.get(userId);
        if (e == null) {
            return null;
        }
        if (e.until() <= clock.millis()) {
            entries.remove(userId, e);
            return null;
        }
        return e.roles();
    }

    /** Read before reading roles; {@link #put} skips roles read before a {@link #forgetAll} that came since. */
    long generation() {
        return changes.get();
    }

    void put(String userId, Map<String, Role> roles, long generation) {
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
        Entry entry = new Entry(Map.copyOf(roles), now + ttl.toMillis());
        entries.put(userId, entry);
        if (changes.get() != generation) { // a change was stored while the roles were being read: they may be stale
            entries.remove(userId, entry);
        }
    }

    /** Drops every entry; call after a change to memberships or teams is stored. */
    void forgetAll() {
        changes.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
