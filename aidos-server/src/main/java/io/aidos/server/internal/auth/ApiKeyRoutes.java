package io.aidos.server.internal.auth;

import static io.aidos.server.internal.ApiRoute.delete;
import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.identity.Action;
import io.aidos.core.internal.identity.ApiKey;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.NewApiKey;
import io.aidos.core.internal.identity.Principal;
import io.aidos.server.internal.ApiRoute;
import io.aidos.server.internal.Json;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caller's API keys: create (the secret is in that one answer only), list (never a secret), revoke. The identity
 * service audits a create or revoke that went through, so the audit hook leaves those requests alone.
 */
final class ApiKeyRoutes {
    private static final String TAG = "auth";
    private final Callers callers;
    private final Identity identity;

    ApiKeyRoutes(Callers callers) {
        this.callers = callers;
        this.identity = callers.identity();
    }

    List<ApiRoute> routes() {
        return List.of(
                post("/api/v1/auth/api-keys", TAG, "Create a key {name, org_id?, scopes, expires_at?}; the secret"
                        + " is shown only in this answer", this::create),
                get("/api/v1/auth/api-keys", TAG, "The caller's keys, without secrets", ctx -> Json.ok(ctx,
                        identity.apiKeys().listOf(callers.of(ctx).userId()).stream().map(ApiKeyRoutes::view)
                                .toList())),
                delete("/api/v1/auth/api-keys/{key_id}", TAG, "Revoke a key (its owner or an org admin)", ctx -> {
                    identity.revokeApiKey(callers.of(ctx), ctx.pathParam("key_id"), ctx.ip());
                    AuditHook.recordedByService(ctx);
                    Json.ok(ctx, Map.of("revoked", true));
                }));
    }

    private void create(Context ctx) {
        Principal p = callers.of(ctx);
        JsonNode body = Callers.body(ctx);
        String org = Json.text(body, "org_id");
        Set<Action> scopes = EnumSet.noneOf(Action.class);
        body.path("scopes").forEach(s -> scopes.add(Action.ofScope(s.asText())));
        Instant expires = null;
        String exp = Json.text(body, "expires_at");
        if (exp != null) {
            try {
                expires = Instant.parse(exp);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("expires_at", exp, "must be an ISO-8601 instant");
            }
        }
        NewApiKey key = identity.createApiKey(p, org == null ? Principal.LOCAL_ORG : org,
                Callers.required(body, "name"), scopes, expires, ctx.ip());
        AuditHook.recordedByService(ctx);
        Map<String, Object> out = view(key.key());
        out.put("secret", key.secret());
        Json.respond(ctx, 201, out);
    }

    static Map<String, Object> view(ApiKey k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", k.id());
        out.put("prefix", k.prefix());
        out.put("name", k.name());
        out.put("org_id", k.orgId());
        out.put("scopes", k.scopes().stream().sorted().map(Action::scope).toList());
        out.put("created_at", k.createdAt());
        out.put("expires_at", k.expiresAt());
        out.put("revoked_at", k.revokedAt());
        out.put("last_used_at", k.lastUsedAt());
        return out;
    }
}
