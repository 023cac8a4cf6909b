package io.aidos.core.internal.identity;

import java.time.Instant;

/**
 * A page of the audit log, newest first. Null filters match everything; {@code orgId} null means all
 * organizations (site admins only). {@code beforeId} pages on: pass the last id of the previous page.
 */
public record AuditQuery(String orgId, String actorId, String action, Instant from, Instant to, Long beforeId,
                         int limit) {
    public AuditQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000 but was " + limit);
        }
    }

    public static AuditQuery of(String orgId) {
        return new AuditQuery(orgId, null, null, null, null, null, 100);
    }

    public AuditQuery actor(String actorId) {
        return new AuditQuery(orgId, actorId, action, from, to, beforeId, limit);
    }

    public AuditQuery action(String action) {
        return new AuditQuery(orgId, actorId, action, from, to, beforeId, limit);
    }

    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(orgId, actorId, action, from, to, beforeId, limit);
    }

    public AuditQuery page(Long beforeId, int limit) {
        return new AuditQuery(orgId, actorId, action, from, to, beforeId, limit);
    }
}
