package io.aidos.server.internal.auth;

import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.TokenPair;
import io.aidos.core.internal.identity.User;
import io.aidos.server.internal.ApiRoute;
import io.aidos.server.internal.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Registration, login (password, then a TOTP or recovery code when the account has MFA), refresh with rotation,
 * logout and {@code me}. Login, registration and refresh are limited per address (429 with Retry-After); a wrong
 * password, an unknown email and a locked account all get the same 401. Bodies carry secrets and are never logged.
 */
final class SessionRoutes {
    private static final String TAG = "auth";
    private final Callers callers;
    private final Identity identity;

    SessionRoutes(Callers callers) {
        this.callers = callers;
        this.identity = callers.identity();
    }

    List<ApiRoute> routes() {
        return List.of(
                post("/api/v1/auth/register", TAG, "Register {email, password} (no credential needed)", this::register),
                post("/api/v1/auth/login", TAG, "Log in {email, password, code?}: access and refresh token (no"
                        + " credential needed; 401 MFA_REQUIRED when a code is needed)", this::login),
                post("/api/v1/auth/refresh", TAG, "Trade {refresh_token} for a new pair; the old one is used up",
                        this::refresh),
                post("/api/v1/auth/logout", TAG, "End the session of {refresh_token}", this::logout),
                post("/api/v1/auth/logout-everywhere", TAG, "End every session of the calling user", ctx -> {
                    identity.logoutEverywhere(callers.user(ctx).userId());
                    Json.ok(ctx, Map.of("logged_out", true));
                }),
                get("/api/v1/auth/me", TAG, "The caller: user, roles, MFA, API key", this::me));
    }

    private void register(Context ctx) {
        callers.attempt(ctx);
        JsonNode body = Callers.body(ctx);
        User u = identity.users().register(Callers.required(body, "email"), Callers.required(body, "password"));
        Json.respond(ctx, 201, user(u));
    }

    private void login(Context ctx) {
        callers.attempt(ctx);
        JsonNode body = Callers.body(ctx);
        TokenPair pair = identity.login(Callers.required(body, "email"), Callers.required(body, "password"),
                Json.text(body, "code"), ctx.ip());
        Json.ok(ctx, tokens(pair));
    }

    private void refresh(Context ctx) {
        callers.attempt(ctx);
        Json.ok(ctx, tokens(identity.refresh(Callers.required(Callers.body(ctx), "refresh_token"))));
    }

    private void logout(Context ctx) {
        identity.logout(Callers.required(Callers.body(ctx), "refresh_token"));
        Json.ok(ctx, Map.of("logged_out", true));
    }

    private void me(Context ctx) {
        Principal p = callers.of(ctx);
        Map<String, Object> out = user(identity.users().get(p.userId()));
        out.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.put("api_key_id", p.apiKeyId());
        Map<String, String> roles = new TreeMap<>();
        p.roles().forEach((org, role) -> roles.put(org, role.name().toLowerCase(java.util.Locale.ROOT)));
        out.put("roles", roles);
        out.put("mfa_enabled", identity.mfa().enabled(p.userId()));
        Json.ok(ctx, out);
    }

    static Map<String, Object> user(User u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("email", u.email());
        out.put("site_admin", u.siteAdmin());
        out.put("has_password", u.hasPassword());
        return out;
    }

    static Map<String, Object> tokens(TokenPair p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_type", "Bearer");
        out.put("access_token", p.accessToken());
        out.put("expires_at", p.accessTokenExpiresAt());
        out.put("refresh_token", p.refreshToken());
        out.put("refresh_token_expires_at", p.refreshTokenExpiresAt());
        return out;
    }
}
