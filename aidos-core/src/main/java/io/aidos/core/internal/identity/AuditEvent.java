package io.aidos.core.internal.identity;

import java.time.Instant;

/**
 * One audit record: who ({@code actorKind}/{@code actorId}), did what ({@code action}, e.g. {@code dataset.create}),
 * to which resource, in which organization, from which address, with which outcome. {@code id} and {@code time}
 * are assigned on append. Never put a secret in {@code detail}.
 */
public record AuditEvent(long id, Instant time, String actorKind, String actorId, String action,
                         String resourceKind, String resourceId, String orgId, String address, Outcome outcome,
                         String detail) {

    public enum Outcome { SUCCESS, DENIED, FAILURE }

    /** An event to append, by {@code actor}. */
    public static AuditEvent of(Principal actor, String action, String resourceKind, String resourceId, String orgId,
                                String address, Outcome outcome, String detail) {
        return new AuditEvent(0, null, actor.kind().name().toLowerCase(java.util.Locale.ROOT),
                actor.apiKeyId() != null ? actor.apiKeyId() : actor.userId(), action, resourceKind, resourceId, orgId,
                address, outcome, detail);
    }

    /** An event with no authenticated actor yet, such as a failed login (actor: the email tried). */
    public static AuditEvent anonymous(String claimedActor, String action, String address, Outcome outcome,
                                       String detail) {
        return new AuditEvent(0, null, "anonymous", claimedActor == null ? "-" : claimedActor, action, null, null,
                null, address, outcome, detail);
    }
}
