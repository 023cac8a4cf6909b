package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AiDosException;
import io.aidos.api.AlreadyExistsException;
import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.AuthenticationException;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.ConflictException;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.DeploymentNotFoundException;
import io.aidos.api.ExperimentNotFoundException;
import io.aidos.api.JobFailedException;
import io.aidos.api.JobStatus;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.NotFoundException;
import io.aidos.api.OverloadedException;
import io.aidos.api.PayloadTooLargeException;
import io.aidos.api.PermissionDeniedException;
import io.aidos.api.RunNotFoundException;

/**
 * Turns an error answer back into the exception the server threw: by {@code error_code}, with the resource kind,
 * field and value it carried, and the server's message. 503 and 429 become {@link BackendUnavailableException}s
 * (retryable), except a deployment's 429 {@code OVERLOADED}, which is {@link OverloadedException} (its request is
 * never retried); an answer that is not AI-DOS JSON becomes an {@link AiDosException} saying so.
 */
final class RemoteErrors {

    private RemoteErrors() {
    }

    static AiDosException of(int status, String body, long retryAfterMillis) {
        JsonNode json = parse(body);
        if (json == null || !json.hasNonNull("error_code")) {
            if (status == 503 || status == 502 || status == 504 || status == 429) {
                return new Unavailable("the server answered " + status + (status == 429 ? " (too many requests)" : ""),
                        retryAfterMillis);
            }
            return new RemoteException(status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status, status,
                    "the server answered " + status + " with a body that is not an AI-DOS error: " + shorten(body));
        }
        String code = json.get("error_code").asText();
        String message = json.path("message").asText("");
        return switch (code) {
            case "NOT_FOUND" -> notFound(json.path("resource_kind").asText(null),
                    json.path("resource_name").asText(null), message);
            case "INVALID_INPUT" -> new RemoteInvalidInput(json.path("field").asText(null),
                    json.path("value").isNull() ? null : json.path("value").asText(null), message);
            case "ALREADY_EXISTS" -> new AlreadyExistsException(json.path("resource_kind").asText("resource"),
                    json.path("resource_name").asText(""));
            case "CONFLICT" -> new ConflictException(message);
            case "UNAUTHENTICATED", "MFA_REQUIRED" -> new AuthenticationException(message);
            case "TOKEN_EXPIRED" -> new TokenExpired(message);
            case "PERMISSION_DENIED" -> new PermissionDeniedException(message);
            case "UNAVAILABLE" -> new Unavailable(message, retryAfterMillis);
            case "JOB_FAILED", "JOB_CANCELLED" -> jobFailed(json, code, message);
            case "OVERLOADED" -> new OverloadedException(json.path("deployment").asText(null), message);
            case "PAYLOAD_TOO_LARGE" -> new PayloadTooLargeException(-1, message);
            default -> status == 503 || status == 429 ? new Unavailable(message, retryAfterMillis)
                    : new RemoteException(code, status, message);
        };
    }

    private static AiDosException notFound(String kind, String name, String message) {
        if (kind == null) {
            return new NotFoundException("resource", name, message);
        }
        return switch (kind) {
            case "dataset" -> new DatasetNotFoundException(name, message);
            case "experiment" -> new ExperimentNotFoundException(name, message);
            case "run" -> new RunNotFoundException(name, message);
            case "model" -> new ModelNotFoundException(name, message);
            case "artifact" -> new ArtifactNotFoundException(name, message);
            case "deployment" -> new DeploymentNotFoundException(name);
            default -> new NotFoundException(kind, name, message);
        };
    }

    private static AiDosException jobFailed(JsonNode json, String code, String message) {
        String jobId = json.path("job_id").asText("");
        JobStatus status = code.equals("JOB_CANCELLED") ? JobStatus.CANCELLED : JobStatus.FAILED;
        String prefix = "job " + jobId + " ended " + status;
        String error = message.startsWith(prefix + ": ") ? message.substring(prefix.length() + 2) : null;
        return new JobFailedException(jobId, status, error);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String shorten(String s) {
        if (s == null) {
            return "(none)";
        }
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** 503/429 and transport failures: retryable, with the server's Retry-After when it sent one. */
    static final class Unavailable extends BackendUnavailableException {
        final long retryAfterMillis;

        Unavailable(String message, long retryAfterMillis) {
            super(message);
            this.retryAfterMillis = retryAfterMillis;
        }

        Unavailable(String message, Throwable cause) {
            super(message, cause);
            this.retryAfterMillis = -1;
        }
    }

    /** 401 TOKEN_EXPIRED: the access token's time is up; the transport refreshes it once if it can. */
    static final class TokenExpired extends AuthenticationException {
        TokenExpired(String message) {
            super(message);
        }
    }

    /** An INVALID_INPUT answer, keeping the server's exact message. */
    static final class RemoteInvalidInput extends io.aidos.api.InvalidInputException {
        private final String message;

        RemoteInvalidInput(String field, String value, String message) {
            super(field, value, "");
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /** Any other error code, kept as the server sent it. */
    static final class RemoteException extends AiDosException {
        private final String code;
        private final int status;

        RemoteException(String code, int status, String message) {
            super(message);
            this.code = code;
            this.status = status;
        }

        @Override
        public String errorCode() {
            return code;
        }

        @Override
        public int httpStatus() {
            return status;
        }
    }
}
