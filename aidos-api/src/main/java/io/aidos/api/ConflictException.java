package io.aidos.api;

/** The request contradicts the resource's current state, e.g. changing an already logged parameter. */
public class ConflictException extends AiDosException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "CONFLICT";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
