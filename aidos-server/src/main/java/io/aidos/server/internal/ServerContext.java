package io.aidos.server.internal;

import io.aidos.api.AiDos;
import io.aidos.server.ServerConfig;
import io.javalin.http.Context;

/**
 * What every route handler needs: the served backend, the limits and the idempotency-key memory. Handlers reach
 * the backend only through {@link #aidos(Context)}, the caller's organization's view of it; {@code root} is for
 * what belongs to no organization (health). {@code deployers} are the organizations' deployers this server opened.
 */
public record ServerContext(AiDos root, ServerConfig config, IdempotencyCache idempotency,
                            ServedDeployers deployers) {

    public ServerContext(AiDos root, ServerConfig config, IdempotencyCache idempotency) {
        this(root, config, idempotency, new ServedDeployers(root));
    }

    /** The backend as the request's caller sees it: their organization's resources only ({@link Tenancy}). */
    public AiDos aidos(Context ctx) {
        return Tenancy.scope(root, ctx);
    }

    public long jsonLimit() {
        return config.maxJsonBytes();
    }

    public long uploadLimit() {
        return config.maxUploadBytes();
    }
}
