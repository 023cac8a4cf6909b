package io.aidos.server.internal.mlflow;

/** An error answered with MLflow's body {@code {"error_code": ..., "message": ...}} and an HTTP status. */
final class MlflowException extends RuntimeException {
    static final String INVALID_PARAMETER_VALUE = "INVALID_PARAMETER_VALUE";
    static final String RESOURCE_DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST";
    static final String RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";
    static final String ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";
    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private final String errorCode;
    private final int status;

    MlflowException(String errorCode, int status, String message) {
        super(message);
        this.errorCode = errorCode;
        this.status = status;
    }

    static MlflowException invalid(String message) {
        return new MlflowException(INVALID_PARAMETER_VALUE, 400, message);
    }

    String errorCode() {
        return errorCode;
    }

    int status() {
        return status;
    }
}
