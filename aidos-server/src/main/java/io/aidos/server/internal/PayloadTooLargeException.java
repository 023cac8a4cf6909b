package io.aidos.server.internal;

import io.aidos.api.AiDosException;

/** A request body over the configured limit: 413. */
public final class PayloadTooLargeException extends AiDosException {
    public PayloadTooLargeException(long limit) {
        super("request body is larger than the limit of " + limit + " bytes");
    }

    @Override
    public String errorCode() {
        return "PAYLOAD_TOO_LARGE";
    }

    @Override
    public int httpStatus() {
        return 413;
    }
}
