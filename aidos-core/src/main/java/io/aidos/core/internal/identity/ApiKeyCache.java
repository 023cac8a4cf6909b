package io.aidos.core.internal.identity;

import java.time.Clock;
import java.time.Duration;

/**
 * Recently verified API keys, keyed by SHA-256 of the whole presented key (so neither the secret nor a key that
 * merely shares a prefix can hit), for {@code ttl}: spares the key lookup and hash check per request. {@link #forget}
 * drops a key at once (a revoke in this process); another process's revoke is seen when the entry expires.
 */
final class ApiKeyCache extends ExpiringCache<ApiKey> {

    ApiKeyCache(Duration ttl, int maxEntries, Clock clock) {
        super(ttl, maxEntries, clock);
    }

    /** Drops every entry of key {@code keyId}; call after the revoke is stored. */
    void forget(String keyId) {
        forget(key -> key.id().equals(keyId));
    }
}
