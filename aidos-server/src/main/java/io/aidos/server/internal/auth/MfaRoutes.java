package io.aidos.server.internal.auth;

import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;

import io.aidos.api.AuthenticationException;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.TotpEnrolment;
import io.aidos.server.internal.ApiRoute;
import io.aidos.server.internal.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TOTP for the calling user: enrol (secret, otpauth URI and ten recovery codes, shown once), confirm with a first
 * code (MFA is on from then), disable with a current code or a recovery code, and the state (recovery codes left).
 * A logged-in user only: API keys cannot change MFA.
 */
final class MfaRoutes {
    private static final String TAG = "auth";
    private final Callers callers;
    private final Identity identity;

    MfaRoutes(Callers callers) {
        this.callers = callers;
        this.identity = callers.identity();
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/auth/mfa", TAG, "MFA state: {enabled, recovery_codes_left}", ctx -> {
                    Principal p = callers.user(ctx);
                    Json.ok(ctx, Map.of("enabled", identity.mfa().enabled(p.userId()),
                            "recovery_codes_left", identity.mfa().recoveryCodesLeft(p.userId())));
                }),
                post("/api/v1/auth/mfa/enrol", TAG, "Start TOTP enrolment: secret, otpauth_uri, recovery_codes"
                        + " (shown once)", this::enrol),
                post("/api/v1/auth/mfa/confirm", TAG, "Switch MFA on with a first {code}", ctx -> {
                    Principal p = callers.user(ctx);
                    identity.mfa().confirm(p.userId(), Callers.required(Callers.body(ctx), "code"));
                    Json.ok(ctx, Map.of("enabled", true));
                }),
                post("/api/v1/auth/mfa/disable", TAG, "Switch MFA off with a current {code} or recovery code",
                        this::disable));
    }

    private void enrol(Context ctx) {
        Principal p = callers.user(ctx);
        TotpEnrolment e = identity.mfa().enrol(p.userId(), identity.users().get(p.userId()).email());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("secret", e.secret());
        out.put("otpauth_uri", e.otpauthUri());
        out.put("recovery_codes", e.recoveryCodes());
        Json.respond(ctx, 201, out);
    }

    private void disable(Context ctx) {
        Principal p = callers.user(ctx);
        if (!identity.mfa().verify(p.userId(), Callers.required(Callers.body(ctx), "code"))) {
            throw new AuthenticationException("wrong code: MFA stays on");
        }
        identity.mfa().disable(p.userId());
        Json.ok(ctx, Map.of("enabled", false));
    }
}
