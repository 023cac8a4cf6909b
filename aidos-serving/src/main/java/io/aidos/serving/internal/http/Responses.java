package io.aidos.serving.internal.http;

import io.aidos.api.AiDosException;
import io.aidos.api.AuthenticationException;
import io.aidos.api.OverloadedException;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Writes bodies and turns failures into each protocol's error body with the exception's status. */
final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    interface Handler {
        void handle(Context ctx) throws Exception;
    }

    /**
     * Answers {@code body} with its length, written straight to the servlet's output: {@code ctx.result(bytes)} would
     * have Javalin copy it through a new buffer of {@code responseBufferSize} bytes per answer.
     */
    static void json(Context ctx, int status, byte[] body) {
        write(ctx, status, "application/json", body);
    }

    /** Answers {@code body} of {@code contentType} as {@link #json} does. */
    static void write(Context ctx, int status, String contentType, byte[] body) {
        ctx.status(status).contentType(contentType);
        HttpServletResponse res = ctx.res();
        res.setContentLength(body.length);
        try {
            res.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the answer: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code handler}; an {@link AiDosException} answers its status with {@code errorBody(code, message)},
     * anything else 500 with an incident id (the stack trace goes to the log, never to the caller).
     */
    static io.javalin.http.Handler guarded(Handler handler, BiFunction<String, String, byte[]> errorBody) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                fail(ctx, e, errorBody);
            }
        };
    }

    /**
     * Answers 200 with {@code body(answer)} once {@code answer} is in: at once when it is complete already (the model
     * ran on this thread), else from the thread that completes it, this thread going back to the server's pool.
     */
    static <T> void whenDone(Context ctx, CompletableFuture<T> answer, Function<T, byte[]> body,
                             BiFunction<String, String, byte[]> errorBody) {
        whenDoneWrite(ctx, answer, (c, value) -> json(c, 200, body.apply(value)), errorBody);
    }

    /** What writes a successful answer: status, headers and body. */
    interface Writer<T> {
        void write(Context ctx, T value);
    }

    /** {@link #whenDone} for answers that set their own status, headers and content type. */
    static <T> void whenDoneWrite(Context ctx, CompletableFuture<T> answer, Writer<T> writer,
                                  BiFunction<String, String, byte[]> errorBody) {
        if (answer.isDone()) {
            write(ctx, answer, writer, errorBody);
        } else {
            ctx.future(() -> answer.handle((value, error) -> {
                write(ctx, answer, writer, errorBody);
                return null;
            }));
        }
    }

    private static <T> void write(Context ctx, CompletableFuture<T> done, Writer<T> writer,
                                  BiFunction<String, String, byte[]> errorBody) {
        try {
            writer.write(ctx, done.join());
        } catch (CompletionException e) {
            fail(ctx, e.getCause() != null ? e.getCause() : e, errorBody);
        } catch (RuntimeException e) {
            fail(ctx, e, errorBody);
        }
    }

    private static void fail(Context ctx, Throwable e, BiFunction<String, String, byte[]> errorBody) {
        if (ctx.res().isCommitted()) { // writing the answer failed: the caller has gone, nothing more can be said
            LOG.debug("{} {}: the answer could not be written: {}", ctx.method().name(), ctx.path(), e.toString());
            return;
        }
        if (e instanceof AiDosException a) {
            if (a instanceof OverloadedException) {
                ctx.header("Retry-After", "1");
            } else if (a instanceof AuthenticationException) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            if (a.httpStatus() >= 500) {
                LOG.warn("{} {} failed: {}", ctx.method().name(), ctx.path(), a.toString());
            }
            json(ctx, a.httpStatus(), errorBody.apply(a.errorCode(), a.getMessage()));
        } else if (e instanceof UncheckedIOException) {
            json(ctx, 400, errorBody.apply("BAD_REQUEST", e.getMessage()));
        } else {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed unexpectedly (incident {})", ctx.method().name(), ctx.path(), incident, e);
            json(ctx, 500, errorBody.apply("INTERNAL_ERROR", "internal error (incident " + incident
                    + "; details are in the server log)"));
        }
    }
}
