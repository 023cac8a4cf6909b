package io.aidos.server;

/**
 * Called before every {@code /api/...} request (the health check and the OpenAPI document included only when
 * {@link #protects(String)} says so). Returns who the request acts for, or throws
 * {@link io.aidos.api.AuthenticationException} (401: missing, wrong or expired credentials) or
 * {@link io.aidos.api.PermissionDeniedException} (403: known caller, not allowed). Must be thread-safe.
 *
 * <p>The default, {@link #localOwner()}, is the embedded single local owner with no login: every request is
 * {@link Principal#LOCAL_OWNER}. Real identity (API keys, JWT) plugs in with
 * {@code AidosServer.builder(aidos).authenticator(myAuthenticator)}.
 */
@FunctionalInterface
public interface RequestAuthenticator {

    Principal authenticate(AuthenticationRequest request);

    /** Whether requests to {@code path} need authentication; by default all but health and the OpenAPI document. */
    default boolean protects(String path) {
        return !path.equals("/api/v1/health") && !path.equals("/api/v1/openapi.json");
    }

    /** No login: every caller is the local owner (a token, if sent, is ignored). */
    static RequestAuthenticator localOwner() {
        return request -> Principal.LOCAL_OWNER;
    }
}
