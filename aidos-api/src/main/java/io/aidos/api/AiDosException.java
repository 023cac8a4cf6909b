package io.aidos.api;

/**
 * Root of everything AI-DOS throws. Unchecked, like JDBI's and OkHttp's roots, so fluent code stays fluent.
 *
 * <p>Subclasses name the failure and carry structured context; {@link #errorCode()} and {@link #httpStatus()}
 * let the server and the remote client translate errors both ways without parsing messages.
 */
public class AiDosException extends RuntimeException {

    public AiDosException(String message) {
        super(message);
    }

    public AiDosException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable, machine-readable code such as {@code NOT_FOUND} or {@code INVALID_INPUT}. */
    public String errorCode() {
        return "INTERNAL_ERROR";
    }

    /** The HTTP status a server answers with for this error. */
    public int httpStatus() {
        return 500;
    }
}
