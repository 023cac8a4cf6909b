package io.aidos.server.internal.auth;

import io.aidos.api.AuthenticationException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.PermissionDeniedException;
import io.aidos.api.RateLimitedException;
import io.aidos.core.internal.identity.BearerHeader;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.RateLimiter;
import io.aidos.server.internal.Json;
import io.javalin.http.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** What the identity routes share: who calls (as identity sees it), the login limiter, small JSON bodies. */
final class Callers {
    static final long BODY_LIMIT = 64 * 1024;
    private final Identity identity;
    private final RateLimiter attempts;

    Callers(Identity identity, RateLimiter attempts) {
        this.identity = identity;
        this.attempts = attempts;
    }

    Identity identity() {
        return identity;
    }

    /** The caller of a protected route (the guard has checked the credential already). */
    Principal of(Context ctx) {
        String token = BearerHeader.token(ctx.header("Authorization"))
                .orElseThrow(() -> new AuthenticationException("send Authorization: Bearer <token>"));
        return IdentityAuthenticator.verify(identity, token);
    }

    /** The caller, who must be a user logged in (not an API key) for account changes. */
    Principal user(Context ctx) {
        Principal p = of(ctx);
        if (p.kind() != Principal.Kind.USER) {
            throw new PermissionDeniedException("this needs a user's access token, not an API key");
        }
        return p;
    }

    /** Counts a login, registration or refresh attempt from the caller's address: 429 past the limit. */
    void attempt(Context ctx) {
        Duration wait = attempts.tryAcquire(ctx.ip());
        if (!wait.isZero()) {
            throw new RateLimitedException("address " + ctx.ip(), wait);
        }
    }

    static JsonNode body(Context ctx) {
        return Json.body(ctx, BODY_LIMIT);
    }

    static String required(JsonNode body, String field) {
        String v = Json.text(body, field);
        if (v == null || v.isEmpty()) {
            throw new InvalidInputException(field, null, "is required");
        }
        return v;
    }
}
