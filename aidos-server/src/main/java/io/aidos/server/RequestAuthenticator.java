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

    /**
     * Called before each request to a deployment's inference endpoint (the organization's inference server:
     * {@code /invocations}, {@code /v2/models/...}, {@code /v1/models/...}, {@code /metrics}), whose
     * {@link AuthenticationRequest#organization()} is the organization that owns the deployment. The principal
     * returned must act in that organization (its {@code org} attribute, or none for {@code local}) unless it is {@link Principal#LOCAL_OWNER}. By default {@link #authenticate}.
     */
    default Principal authenticateInference(AuthenticationRequest request) {
        return authenticate(request);
    }

    /** No login: every caller is the local owner (a token, if sent, is ignored). */
    static RequestAuthenticator localOwner() {
        return LocalOwnerAuthenticator.INSTANCE;
    }
}
