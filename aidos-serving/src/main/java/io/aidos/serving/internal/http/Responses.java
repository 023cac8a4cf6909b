package io.aidos.serving.internal.http;

import io.aidos.api.AiDosException;
import io.aidos.api.OverloadedException;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.function.BiFunction;

/** Writes bodies and turns failures into each protocol's error body with the exception's status. */
final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    interface Handler {
        void handle(Context ctx) throws Exception;
    }

    static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    /**
     * Runs {@code handler}; an {@link AiDosException} answers its status with {@code errorBody(code, message)},
     * anything else 500 with an incident id (the stack trace goes to the log, never to the caller).
     */
    static io.javalin.http.Handler guarded(Handler handler, BiFunction<String, String, byte[]> errorBody) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (AiDosException e) {
                if (e instanceof OverloadedException) {
                    ctx.header("Retry-After", "1");
                }
                if (e.httpStatus() >= 500) {
                    LOG.warn("{} {} failed: {}", ctx.method().name(), ctx.path(), e.toString());
                }
                json(ctx, e.httpStatus(), errorBody.apply(e.errorCode(), e.getMessage()));
            } catch (java.io.UncheckedIOException e) {
                json(ctx, 400, errorBody.apply("BAD_REQUEST", e.getMessage()));
            } catch (Exception e) {
                String incident = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("{} {} failed unexpectedly (incident {})", ctx.method().name(), ctx.path(), incident, e);
                json(ctx, 500, errorBody.apply("INTERNAL_ERROR", "internal error (incident " + incident
                        + "; details are in the server log)"));
            }
        };
    }
}
