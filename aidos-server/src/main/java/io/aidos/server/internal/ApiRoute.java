package io.aidos.server.internal;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One route of the {@code /api/v1} table: what Javalin serves and what the OpenAPI document lists, from the same
 * record. {@code idempotencyKey} marks POST routes that honour an {@code Idempotency-Key} header (a repeated key
 * gets the first answer again), so clients may retry them.
 */
public record ApiRoute(HandlerType method, String path, String summary, String tag, Body body, Produces produces,
                       boolean idempotencyKey, Handler handler) {

    /** What the request body is. */
    public enum Body { NONE, JSON, STREAM }

    /** What the response is. */
    public enum Produces { JSON, CSV, JSON_LINES, BINARY, EVENT_STREAM }

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
    }

    public static ApiRoute get(String path, String tag, String summary, Handler handler) {
        return new ApiRoute(HandlerType.GET, path, summary, tag, Body.NONE, Produces.JSON, false, handler);
    }

    public static ApiRoute post(String path, String tag, String summary, Handler handler) {
        return new ApiRoute(HandlerType.POST, path, summary, tag, Body.JSON, Produces.JSON, false, handler);
    }

    public static ApiRoute put(String path, String tag, String summary, Handler handler) {
        return new ApiRoute(HandlerType.PUT, path, summary, tag, Body.JSON, Produces.JSON, false, handler);
    }

    public static ApiRoute delete(String path, String tag, String summary, Handler handler) {
        return new ApiRoute(HandlerType.DELETE, path, summary, tag, Body.NONE, Produces.JSON, false, handler);
    }

    public ApiRoute body(Body b) {
        return new ApiRoute(method, path, summary, tag, b, produces, idempotencyKey, handler);
    }

    public ApiRoute produces(Produces p) {
        return new ApiRoute(method, path, summary, tag, body, p, idempotencyKey, handler);
    }

    public ApiRoute withIdempotencyKey() {
        return new ApiRoute(method, path, summary, tag, body, produces, true, handler);
    }

    /** {@code GET /api/v1/datasets/{name}} style key. */
    public String key() {
        return method.name() + " " + path;
    }
}
