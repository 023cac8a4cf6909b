package io.aidos.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One non-blocking HTTP/1.1 keep-alive connection of {@link HttpLoad}'s event loop: sends prebuilt request bytes and
 * finds the end of each answer in what has been read so far (status line, {@code Content-Length} or chunked framing,
 * {@code Connection: close}). Bodies are skipped. One request at a time (no pipelining); reconnects on the next send
 * after the server closed or an I/O error. Not thread-safe.
 */
final class LoadConnection implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "connection: close".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final Selector selector;
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private SocketChannel channel;
    /** The scheduled instant of the request in flight; its latency is measured from here. */
    long sentAt;
    /** When this connection sends next (open loop). */
    long next;
    boolean busy;

    LoadConnection(InetSocketAddress address, Selector selector) {
        this.address = address;
        this.selector = selector;
    }

    /** Writes {@code request} whole (connecting first if needed); its answer is then awaited by {@link #read}. */
    void send(byte[] request, long scheduled) throws IOException {
        if (channel == null) {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, this);
            in.clear();
        }
        ByteBuffer out = ByteBuffer.wrap(request);
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    Thread.onSpinWait(); // the socket buffer is full: requests here are small, so this is rare
                }
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        sentAt = scheduled;
        busy = true;
    }

    /**
     * Reads what is there; returns the status of the answer once it is complete, else 0 (more to come). An answer that
     * asks to close, and a connection the server closed, are closed here.
     */
    int read() throws IOException {
        int n;
        try {
            n = channel.read(in);
        } catch (IOException e) {
            close();
            throw e;
        }
        if (n < 0) {
            close();
            throw new EOFException("the server closed the connection");
        }
        int end = answerEnd();
        if (end < 0) {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            return 0;
        }
        byte[] b = in.array();
        int status = (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
        boolean close = contains(CLOSE, headEnd(b, in.position()));
        in.clear();
        busy = false;
        if (close) {
            close();
        }
        return status;
    }

    /** The index just past a complete answer in {@code in[0, position)}, or -1. */
    private int answerEnd() {
        byte[] b = in.array();
        int lim = in.position();
        int head = headEnd(b, lim);
        if (head < 0) {
            return -1;
        }
        if (contains(CHUNKED, head)) {
            return chunksEnd(b, head, lim);
        }
        long length = contentLength(b, head);
        return length < 0 ? head : head + length <= lim ? (int) (head + length) : -1;
    }

    private static int headEnd(byte[] b, int lim) {
        for (int i = 3; i < lim; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The end of the chunked body that starts at {@code from}, or -1 while some of it is still to come. */
    private static int chunksEnd(byte[] b, int from, int lim) {
        int pos = from;
        while (true) {
            int nl = lineEnd(b, pos, lim);
            if (nl < 0) {
                return -1;
            }
            String size = new String(b, pos, nl - pos, StandardCharsets.US_ASCII).trim();
            int semicolon = size.indexOf(';');
            long n = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
            pos = nl + 1;
            if (n == 0) { // trailers, then the empty line
                for (nl = lineEnd(b, pos, lim); nl >= 0; nl = lineEnd(b, pos, lim)) {
                    if (nl - pos <= 1) {
                        return nl + 1;
                    }
                    pos = nl + 1;
                }
                return -1;
            }
            pos += n + 2;
            if (pos > lim) {
                return -1;
            }
        }
    }

    private static int lineEnd(byte[] b, int from, int lim) {
        for (int i = from; i < lim; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private long contentLength(byte[] b, int head) {
        int at = find(CONTENT_LENGTH, head);
        if (at < 0) {
            return -1;
        }
        int nl = lineEnd(b, at, head);
        return Long.parseLong(new String(b, at + CONTENT_LENGTH.length, nl - at - CONTENT_LENGTH.length,
                StandardCharsets.US_ASCII).trim());
    }

    private boolean contains(byte[] lowerCaseHeader, int head) {
        return find(lowerCaseHeader, head) >= 0;
    }

    /** Where a head line starting with {@code lowerCaseHeader} (any case) begins in {@code in[0, head)}, or -1. */
    private int find(byte[] lowerCaseHeader, int head) {
        byte[] b = in.array();
        for (int line = 0; line + lowerCaseHeader.length <= head; line = lineEnd(b, line, head) + 1) {
            boolean match = true;
            for (int i = 0; i < lowerCaseHeader.length && match; i++) {
                match = Character.toLowerCase(b[line + i]) == lowerCaseHeader[i];
            }
            if (match) {
                return line;
            }
            if (lineEnd(b, line, head) < 0) {
                return -1;
            }
        }
        return -1;
    }

    boolean open() {
        return channel != null;
    }

    @Override
    public void close() {
        busy = false;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            channel = null;
        }
    }
}
