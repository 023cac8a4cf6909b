package io.aidos.server.internal;

import io.aidos.api.AiDosException;
import io.aidos.api.AlreadyExistsException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.JobFailedException;
import io.aidos.api.JobTimeoutException;
import io.aidos.api.NotFoundException;
import io.aidos.api.OverloadedException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error body: {@code {"error_code", "message"}} plus the exception's structured fields ({@code field},
 * {@code value}; {@code resource_kind}, {@code resource_name}; {@code job_id}, {@code job_status};
 * {@code deployment}), which the
 * client uses to rebuild the same exception type.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static Map<String, Object> of(AiDosException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", e.errorCode());
        body.put("message", e.getMessage());
        if (e instanceof InvalidInputException i) {
            body.put("field", i.field());
            body.put("value", i.value());
        } else if (e instanceof NotFoundException n) {
            body.put("resource_kind", n.resourceKind());
            body.put("resource_name", n.resourceName());
        } else if (e instanceof AlreadyExistsException a) {
            body.put("resource_kind", a.resourceKind());
            body.put("resource_name", a.resourceName());
        } else if (e instanceof JobFailedException j) {
            body.put("job_id", j.jobId());
            body.put("job_status", j.status());
        } else if (e instanceof JobTimeoutException t) {
            body.put("job_id", t.jobId());
        } else if (e instanceof OverloadedException o) {
            body.put("deployment", o.deployment());
        }
        return body;
    }

    public static Map<String, Object> of(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        return body;
    }
}
