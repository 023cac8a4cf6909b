package io.aidos.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection on a plain socket: writes prebuilt request bytes and reads just enough of the
 * answer to find its end (status line, {@code Content-Length} or chunked framing, {@code Connection: close}). The
 * body is skipped. Reconnects on the next exchange after the server closed or an I/O error. Not thread-safe.
 */
final class KeepAliveConnection implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "connection: close".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends {@code request} and reads the whole answer; returns its status code. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            pos = 0;
            lim = 0;
        }
        try {
            out.write(request);
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int readAnswer() throws IOException {
        int nl = lineEnd();
        int status = (buf[pos + 9] - '0') * 100 + (buf[pos + 10] - '0') * 10 + (buf[pos + 11] - '0');
        pos = nl + 1;
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        while (true) {
            nl = lineEnd();
            if (nl - pos <= 1) { // "\r\n": the end of the head
                pos = nl + 1;
                break;
            }
            if (startsWith(CONTENT_LENGTH)) {
                length = Long.parseLong(new String(buf, pos + CONTENT_LENGTH.length, nl - pos - CONTENT_LENGTH.length,
                        StandardCharsets.US_ASCII).trim());
            } else if (startsWith(CHUNKED)) {
                chunked = true;
            } else if (startsWith(CLOSE)) {
                close = true;
            }
            pos = nl + 1;
        }
        if (chunked) {
            skipChunks();
        } else if (length > 0) {
            skip(length);
        }
        if (close || (length < 0 && !chunked)) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            int nl = lineEnd();
            String size = new String(buf, pos, nl - pos, StandardCharsets.US_ASCII).trim();
            int semicolon = size.indexOf(';');
            long n = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
            pos = nl + 1;
            if (n == 0) {
                while (lineEnd() - pos > 1) { // trailers, then the empty line
                    pos = lineEnd() + 1;
                }
                pos = lineEnd() + 1;
                return;
            }
            skip(n + 2); // the chunk and its CRLF
        }
    }

    /** The index of the next '\n', reading more as needed; the line starts at {@code pos}. */
    private int lineEnd() throws IOException {
        int scan = pos;
        while (true) {
            for (; scan < lim; scan++) {
                if (buf[scan] == '\n') {
                    return scan;
                }
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                scan -= pos;
                lim -= pos;
                pos = 0;
            }
            if (lim == buf.length) {
                throw new IOException("an answer's header line is longer than " + buf.length + " bytes");
            }
            fill();
        }
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            if (pos == lim) {
                pos = 0;
                lim = 0;
                fill();
            }
            int take = (int) Math.min(n, lim - pos);
            pos += take;
            n -= take;
        }
    }

    private void fill() throws IOException {
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        lim += n;
    }

    private boolean startsWith(byte[] lowerCasePrefix) {
        if (lim - pos < lowerCasePrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length; i++) {
            if (Character.toLowerCase(buf[pos + i]) != lowerCasePrefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }
}
