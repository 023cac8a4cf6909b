package io.aidos.api;

/** The store or server cannot be reached or used right now (down, locked by another process, no provider). */
public class BackendUnavailableException extends AiDosException {
    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "UNAVAILABLE";
    }

    @Override
    public int httpStatus() {
        return 503;
    }
}
