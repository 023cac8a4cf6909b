package io.aidos.server.internal;

import io.aidos.api.AiDos;
import io.aidos.server.ServerConfig;

/** What every route handler needs: the served backend, the limits and the idempotency-key memory. */
public record ServerContext(AiDos aidos, ServerConfig config, IdempotencyCache idempotency) {

    public long jsonLimit() {
        return config.maxJsonBytes();
    }

    public long uploadLimit() {
        return config.maxUploadBytes();
    }
}
