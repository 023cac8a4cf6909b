package io.aidos.server.internal;

import io.aidos.api.PayloadTooLargeException;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Request size limits for streamed bodies: a declared length over the limit fails at once, a stream at the limit. */
public final class Limits {

    private Limits() {
    }

    /** The request body as a stream that fails with {@link PayloadTooLargeException} past {@code limit} bytes. */
    public static InputStream limited(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new PayloadTooLargeException(limit);
        }
        return new Bounded(ctx.bodyInputStream(), limit);
    }

    /** Unwraps the limit breach hidden in an I/O exception, or wraps the I/O failure. */
    public static RuntimeException rethrow(IOException e) {
        if (e instanceof TooLarge t) {
            return new PayloadTooLargeException(t.limit);
        }
        Throwable cause = e.getCause();
        if (cause instanceof TooLarge t) {
            return new PayloadTooLargeException(t.limit);
        }
        return new UncheckedIOException("reading the request body failed: " + e.getMessage(), e);
    }

    /** Finds a limit breach anywhere in a cause chain (importers wrap I/O errors). */
    public static PayloadTooLargeException breach(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLarge tl) {
                return new PayloadTooLargeException(tl.limit);
            }
        }
        return null;
    }

    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("request body is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
