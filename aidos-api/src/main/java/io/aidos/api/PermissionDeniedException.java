package io.aidos.api;

/** The caller is known but may not do this. */
public class PermissionDeniedException extends AiDosException {
    public PermissionDeniedException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "PERMISSION_DENIED";
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
