package io.aidos.server.internal.auth;

import static io.aidos.server.internal.ApiRoute.get;

import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.identity.AuthorizationRedirect;
import io.aidos.core.internal.identity.Identity;
import io.aidos.server.internal.ApiRoute;
import io.aidos.server.internal.Json;
import io.javalin.http.Context;
import java.util.List;

/**
 * Login at a configured provider (authorization code + PKCE), OpenID Connect or plain OAuth 2 such as GitHub alike:
 * {@code begin} redirects the browser to the provider with a fresh state, code challenge (and, for OIDC, nonce);
 * the provider sends it back to {@code callback}, which answers with an access and refresh token. The JWKS at {@code /.well-known/jwks.json} lets others verify the access tokens.
 */
final class OidcRoutes {
    private static final String TAG = "auth";
    private final Callers callers;
    private final Identity identity;

    OidcRoutes(Callers callers) {
        this.callers = callers;
        this.identity = callers.identity();
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/auth/oidc/{provider}/begin", TAG, "Redirect (302) to the provider's login (OIDC or"
                        + " plain OAuth 2), with state and PKCE (no credential needed)", this::begin),
                get("/api/v1/auth/oidc/callback", TAG, "The provider's redirect back (?state=&code=): access and"
                        + " refresh token (no credential needed)", this::callback),
                get("/.well-known/jwks.json", TAG, "The public keys that verify access tokens (JWKS)", ctx ->
                        ctx.status(200).contentType("application/json")
                                .result(identity.signingKeys().publicKeys().toString(true))));
    }

    private void begin(Context ctx) {
        callers.attempt(ctx);
        AuthorizationRedirect r = identity.beginOidcLogin(ctx.pathParam("provider"));
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(r.uri().toString(), io.javalin.http.HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        callers.attempt(ctx);
        String error = ctx.queryParam("error");
        if (error != null) {
            throw new InvalidInputException("error", error, "the identity provider refused the login");
        }
        String state = ctx.queryParam("state");
        String code = ctx.queryParam("code");
        if (state == null || code == null) {
            throw new InvalidInputException(state == null ? "state" : "code", null, "is required");
        }
        ctx.header("Cache-Control", "no-store");
        Json.ok(ctx, SessionRoutes.tokens(identity.completeOidcLogin(state, code, ctx.ip())));
    }
}
