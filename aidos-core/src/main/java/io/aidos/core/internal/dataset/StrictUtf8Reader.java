package io.aidos.core.internal.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that fails on bad bytes, but only after handing out every character before them, so a parser
 * reading through it knows the line of the error ({@link java.io.InputStreamReader} decodes ahead and fails early).
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private CoderResult error;
    private boolean eof;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (error != null) {
                error.throwException();
            }
            if (eof && !bytes.hasRemaining()) {
                return -1;
            }
            if (!eof) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                error = result; // thrown once the characters before it are consumed
            } else if (eof && result.isUnderflow()) {
                decoder.flush(out);
                if (out.position() == off && bytes.hasRemaining()) {
                    error = CoderResult.malformedForLength(bytes.remaining());
                } else if (out.position() == off) {
                    return -1;
                }
            }
        }
        return out.position() - off;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
