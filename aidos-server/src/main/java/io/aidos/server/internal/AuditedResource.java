package io.aidos.server.internal;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The resource a request acted on, named by its handler for the audit log when the path does not name it: the
 * MLflow API carries ids in the body, and a create learns its new id only from the store. The audit hook records
 * it instead of what it reads from the path.
 */
public record AuditedResource(String kind, String id) {
    private static final String ATTRIBUTE = "aidos.audited-resource";

    /** Names this resource as the one {@code ctx}'s request acted on. */
    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The resource a handler named for {@code ctx}'s request, if any. */
    public static Optional<AuditedResource> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
