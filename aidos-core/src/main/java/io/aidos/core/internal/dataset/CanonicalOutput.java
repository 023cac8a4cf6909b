package io.aidos.core.internal.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The canonical file's UTF-8 bytes, encoded straight into one block buffer that is hashed and written whole.
 * Replaces a Writer → DigestOutputStream → BufferedOutputStream chain, whose per-call locking and char-by-char
 * encoding cost more than the parse; the bytes are the same (a lone surrogate becomes {@code ?} either way).
 */
final class CanonicalOutput implements AutoCloseable {
    private static final int SMALL = 1 << 10;
    private final OutputStream out;
    private final MessageDigest digest;
    private final byte[] buffer = new byte[1 << 16];
    private int size;

    CanonicalOutput(OutputStream out, MessageDigest digest) {
        this.out = out;
        this.digest = digest;
    }

    /** An ASCII separator: comma, quote or line end. */
    void write(char c) throws IOException {
        if (size == buffer.length) {
            flush();
        }
        buffer[size++] = (byte) c;
    }

    void write(String s) throws IOException {
        int n = s.length();
        if (n > SMALL) {
            write(s.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (buffer.length - size < n) {
            flush();
        }
        int start = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) { // rare: undo the ASCII copy and let the JDK encode the whole text
                size = start;
                write(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buffer[size++] = (byte) c;
        }
    }

    /** In quotes, with inner quotes doubled. */
    void writeQuoted(String s) throws IOException {
        write('"');
        write(s.indexOf('"') < 0 ? s : s.replace("\"", "\"\""));
        write('"');
    }

    private void write(byte[] bytes) throws IOException {
        if (buffer.length - size < bytes.length) {
            flush();
        }
        if (bytes.length > buffer.length) {
            digest.update(bytes);
            out.write(bytes);
        } else {
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }
    }

    private void flush() throws IOException {
        digest.update(buffer, 0, size);
        out.write(buffer, 0, size);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
