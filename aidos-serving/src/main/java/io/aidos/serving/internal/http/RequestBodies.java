package io.aidos.serving.internal.http;

import io.aidos.api.PayloadTooLargeException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body up to a limit: a declared length over it fails before reading, a longer stream at it. */
final class RequestBodies {
    private RequestBodies() {
    }

    static byte[] read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(declared, limit);
        }
        // A declared length is exact (Jetty fails a body that ends early), so read just that: no 8 KiB scratch
        // buffer per request and no extra read to find the end. Without one, read up to one byte past the limit.
        int wanted = (int) Math.min(Integer.MAX_VALUE - 8, declared >= 0 ? declared : limit + 1);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(wanted);
            if (body.length > limit) {
                throw tooLarge(-1, limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed: " + e.getMessage(), e);
        }
    }

    private static PayloadTooLargeException tooLarge(long declared, long limit) {
        return new PayloadTooLargeException(limit, "request body " + (declared >= 0 ? "of " + declared + " bytes " : "")
                + "is larger than the limit of " + limit + " bytes (serving.maxRequestBytes)");
    }
}
