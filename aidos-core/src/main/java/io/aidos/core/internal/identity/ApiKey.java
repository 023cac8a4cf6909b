package io.aidos.core.internal.identity;

import java.time.Instant;
import java.util.Set;

/** An API key as listed: everything but its secret, which only its creator ever saw. */
public record ApiKey(String id, String prefix, String name, String userId, String orgId, Set<Action> scopes,
                     Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    public ApiKey {
        scopes = Set.copyOf(scopes);
    }
}
