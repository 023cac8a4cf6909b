package io.aidos.server.internal.auth;

import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.RateLimiter;
import io.aidos.server.ServerConfig;
import io.aidos.server.internal.ApiRoute;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity API: sessions, MFA, API keys, OIDC and JWKS under {@code /api/v1/auth}, organizations and the
 * audit log under {@code /api/v1/orgs} and {@code /api/v1/audit}. Part of the server's one route table, so the
 * OpenAPI document lists them.
 */
public final class IdentityRoutes {

    private IdentityRoutes() {
    }

    public static List<ApiRoute> of(Identity identity, ServerConfig config) {
        Callers callers = new Callers(identity, RateLimiter.of(config.loginBurst(), config.loginPerSecond()));
        List<ApiRoute> all = new ArrayList<>();
        all.addAll(new SessionRoutes(callers).routes());
        all.addAll(new MfaRoutes(callers).routes());
        all.addAll(new ApiKeyRoutes(callers).routes());
        all.addAll(new OidcRoutes(callers).routes());
        all.addAll(new OrgRoutes(callers).routes());
        all.addAll(new AuditRoutes(callers).routes());
        return all;
    }
}
