package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aidos.api.AlreadyExistsException;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.ConflictException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.NotFoundException;
import io.aidos.api.PermissionDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the store throws to MLflow's error codes and HTTP statuses: bad input and changed params are
 * INVALID_PARAMETER_VALUE (400), missing things RESOURCE_DOES_NOT_EXIST (404), taken names
 * RESOURCE_ALREADY_EXISTS (400, as in MLflow), anything unexpected INTERNAL_ERROR (500, logged, no details).
 */
final class MlflowErrors {
    private static final Logger LOG = LoggerFactory.getLogger(MlflowErrors.class);

    private MlflowErrors() {
    }

    static MlflowException translate(Throwable e) {
        if (e instanceof MlflowException m) {
            return m;
        }
        if (e instanceof InvalidInputException || e instanceof ConflictException) {
            return MlflowException.invalid(e.getMessage());
        }
        if (e instanceof AlreadyExistsException) {
            return new MlflowException(MlflowException.RESOURCE_ALREADY_EXISTS, 400, e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return new MlflowException(MlflowException.RESOURCE_DOES_NOT_EXIST, 404, e.getMessage());
        }
        if (e instanceof PermissionDeniedException) {
            return new MlflowException("PERMISSION_DENIED", 403, e.getMessage());
        }
        if (e instanceof BackendUnavailableException) {
            return new MlflowException("TEMPORARILY_UNAVAILABLE", 503, "the store is unavailable; try again");
        }
        if (e instanceof JsonProcessingException j) {
            return new MlflowException(MlflowException.MALFORMED_REQUEST, 400, "malformed JSON in the request body: "
                    + j.getOriginalMessage());
        }
        LOG.error("MLflow API request failed", e);
        return new MlflowException(MlflowException.INTERNAL_ERROR, 500, "internal error (" + e.getClass().getSimpleName()
                + "); see the server log");
    }
}
