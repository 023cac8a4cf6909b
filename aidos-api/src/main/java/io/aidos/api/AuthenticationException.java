package io.aidos.api;

/** Missing, wrong or expired credentials. */
public class AuthenticationException extends AiDosException {
    public AuthenticationException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "UNAUTHENTICATED";
    }

    @Override
    public int httpStatus() {
        return 401;
    }
}
