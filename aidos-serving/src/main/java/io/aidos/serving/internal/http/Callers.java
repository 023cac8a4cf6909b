package io.aidos.serving.internal.http;

import io.aidos.core.internal.InferenceAccess;
import io.aidos.core.internal.InferenceCall;
import io.aidos.core.internal.LocalAiDos;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Asks the store's {@link InferenceAccess} whether a request may reach the deployments: before every route that
 * names a deployment or shows its predictions or metrics. Health checks ({@code /ping}, {@code /health},
 * {@code /v2/health/...}) and the server's own metadata stay open, so probes and load balancers need no key.
 */
final class Callers {
    private static final String BEARER = "bearer ";
    private final LocalAiDos aidos;

    Callers(LocalAiDos aidos) {
        this.aidos = aidos;
    }

    /** Returns if the request may be served; AuthenticationException or PermissionDeniedException otherwise. */
    void admit(Context ctx) {
        InferenceAccess access = aidos.inferenceAccess();
        if (access == InferenceAccess.OPEN) {
            return;
        }
        access.admit(new InferenceCall(aidos.organization(), ctx.method().name(), ctx.path(), ctx.ip(),
                bearer(ctx.header("Authorization"))));
    }

    /** Runs {@code handler} once the request is admitted. */
    Responses.Handler guarding(Responses.Handler handler) {
        return ctx -> {
            admit(ctx);
            handler.handle(ctx);
        };
    }

    static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
