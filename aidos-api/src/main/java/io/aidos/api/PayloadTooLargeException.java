package io.aidos.api;

/** A request body over the configured limit (HTTP 413); nothing of it was kept. */
public final class PayloadTooLargeException extends AiDosException {
    private final long limit;

    public PayloadTooLargeException(long limit) {
        this(limit, "request body is larger than the limit of " + limit + " bytes");
    }

    public PayloadTooLargeException(long limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
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
