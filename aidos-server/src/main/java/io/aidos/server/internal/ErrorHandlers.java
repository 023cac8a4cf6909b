package io.aidos.server.internal;

import io.aidos.api.PayloadTooLargeException;

import io.aidos.api.AiDosException;
import io.aidos.api.OverloadedException;
import io.aidos.api.RateLimitedException;
import io.aidos.server.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a JSON error body: an {@link AiDosException} with its own status and code, Javalin's
 * HTTP errors (unknown route: 404 NOT_FOUND) with theirs, anything else 500 INTERNAL_ERROR with an incident id
 * whose stack trace is logged here, never sent.
 */
public final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
    private final List<RouteGroup> groups;

    public ErrorHandlers(List<RouteGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    public void register(RoutesConfig routes) {
        routes.exception(AiDosException.class, (e, ctx) -> respond(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> Json.respond(ctx, e.getStatus(),
                ErrorBodies.of(code(e.getStatus()), e.getStatus() == 404
                        ? "no route " + ctx.method().name() + " " + ctx.path() : e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
    }

    private void respond(Context ctx, AiDosException e) {
        if (e instanceof RateLimitedException limited) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000)));
        } else if (e instanceof OverloadedException) {
            ctx.header("Retry-After", "1");
        }
        for (RouteGroup g : groups) {
            if (ctx.path().startsWith(g.pathPrefix())) {
                Map<String, Object> body = g.errorBody(e);
                if (body != null) {
                    Json.respond(ctx, e.httpStatus(), body);
                    return;
                }
            }
        }
        if (e.httpStatus() >= 500) {
            LOG.warn("{} {} failed: {}", ctx.method().name(), ctx.path(), e.toString());
        }
        Json.respond(ctx, e.httpStatus(), ErrorBodies.of(e));
    }

    private void unexpected(Context ctx, Exception e) {
        PayloadTooLargeException tooLarge = Limits.breach(e);
        if (tooLarge != null) {
            respond(ctx, tooLarge);
            return;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof AiDosException known) {
                respond(ctx, known);
                return;
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed unexpectedly (incident {})", ctx.method().name(), ctx.path(), incident, e);
        Json.respond(ctx, 500, ErrorBodies.of("INTERNAL_ERROR", "internal server error (incident " + incident
                + "; details are in the server log)"));
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "INVALID_INPUT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }
}
