package io.aidos.server.internal.auth;

import static io.aidos.server.internal.ApiRoute.get;

import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.identity.AuditEvent;
import io.aidos.core.internal.identity.AuditQuery;
import io.aidos.core.internal.identity.Identity;
import io.aidos.server.internal.ApiRoute;
import io.aidos.server.internal.Json;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log over HTTP, newest first: an organization's (its admins) or every organization's and the events
 * outside any, such as logins (site admins). Filters {@code actor}, {@code action}, {@code from}, {@code to};
 * pages with {@code limit} (1..1000, default 100) and {@code before} (the {@code next_before} of the last page).
 */
final class AuditRoutes {
    private static final String TAG = "audit";
    private final Callers callers;
    private final Identity identity;

    AuditRoutes(Callers callers) {
        this.callers = callers;
        this.identity = callers.identity();
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/orgs/{org_id}/audit", TAG, "An organization's audit log (admins; ?actor=&action=&from="
                        + "&to=&limit=&before=)", ctx -> query(ctx, ctx.pathParam("org_id"))),
                get("/api/v1/audit", TAG, "The whole audit log, logins included (site admins; same filters)",
                        ctx -> query(ctx, null)));
    }

    private void query(Context ctx, String orgId) {
        int limit = number(ctx, "limit", 100);
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", limit, "must be between 1 and 1000");
        }
        String before = ctx.queryParam("before");
        AuditQuery q = AuditQuery.of(orgId).actor(ctx.queryParam("actor")).action(ctx.queryParam("action"))
                .between(instant(ctx, "from"), instant(ctx, "to"))
                .page(before == null ? null : beforeId(before), limit);
        List<AuditEvent> events = identity.audit().query(callers.of(ctx), q);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", events.stream().map(AuditRoutes::view).toList());
        out.put("next_before", events.size() < limit ? null : events.get(events.size() - 1).id());
        Json.ok(ctx, out);
    }

    private static Map<String, Object> view(AuditEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("time", e.time());
        out.put("actor_kind", e.actorKind());
        out.put("actor_id", e.actorId());
        out.put("action", e.action());
        out.put("resource_kind", e.resourceKind());
        out.put("resource_id", e.resourceId());
        out.put("org_id", e.orgId());
        out.put("address", e.address());
        out.put("outcome", e.outcome().name());
        out.put("detail", e.detail());
        return out;
    }

    private static int number(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, v, "must be a whole number");
        }
    }

    private static long beforeId(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("before", v, "must be an audit event id");
        }
    }

    private static Instant instant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, v, "must be an ISO-8601 instant");
        }
    }
}
