package io.aidos.core.internal;

/**
 * Who may call the inference endpoints of a store's deployments ({@code /invocations}, {@code /v2/models/...},
 * {@code /v1/models/...}, {@code /metrics}). The embedded default is {@link #OPEN}: the serving port binds
 * 127.0.0.1 and has one owner. The AI-DOS server installs its own check with
 * {@link LocalAiDos#inferenceAccess(InferenceAccess)}, so a deployment it serves answers only callers of its
 * organization. Must be thread-safe and quick: it runs before every such request.
 */
@FunctionalInterface
public interface InferenceAccess {

    /** Every caller may call: no credential is asked for. */
    InferenceAccess OPEN = call -> { };

    /**
     * Returns if {@code call} may be served; throws {@link io.aidos.api.AuthenticationException} (401: no or bad
     * credential) or {@link io.aidos.api.PermissionDeniedException} (403: a known caller of another organization).
     */
    void admit(InferenceCall call);
}
