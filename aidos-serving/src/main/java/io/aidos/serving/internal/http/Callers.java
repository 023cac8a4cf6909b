package io.aidos.serving.internal.http;

import io.aidos.core.internal.InferenceAccess;
import io.aidos.core.internal.InferenceCall;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.BearerHeader;
import io.javalin.http.Context;

/**
 * Asks the store's {@link InferenceAccess} whether a request may reach the deployments: before every route that
 * names a deployment or shows its predictions or metrics. Health checks ({@code /ping}, {@code /health},
 * {@code /v2/health/...}) and the server's own metadata stay open, so probes and load balancers need no key.
 */
final class Callers {
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
                BearerHeader.token(ctx.header("Authorization"))));
    }

    /** Runs {@code handler} once the request is admitted. */
    Responses.Handler guarding(Responses.Handler handler) {
        return ctx -> {
            admit(ctx);
            handler.handle(ctx);
        };
    }
}
