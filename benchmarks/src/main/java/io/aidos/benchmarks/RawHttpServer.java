package io.aidos.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The least an HTTP server can do, to calibrate {@link HttpLoad}: one blocking thread per connection that reads a
 * request head and its Content-Length body and writes a fixed answer. No routing, no framework, no thread hand-off;
 * what it reaches is what the load generator and loopback allow on this machine.
 */
final class RawHttpServer implements AutoCloseable {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2"
            + "\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;

    private RawHttpServer(ServerSocket server) {
        this.server = server;
    }

    static RawHttpServer start() throws IOException {
        RawHttpServer s = new RawHttpServer(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
        Thread accept = new Thread(s::accept, "raw-http-accept");
        accept.setDaemon(true);
        accept.start();
        return s;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/infer");
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(socket), "raw-http");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buf = new byte[16 * 1024];
            int lim = 0;
            while (true) {
                int headEnd;
                while ((headEnd = headEnd(buf, lim)) < 0) {
                    int n = in.read(buf, lim, buf.length - lim);
                    if (n < 0) {
                        return;
                    }
                    lim += n;
                }
                int total = headEnd + contentLength(new String(buf, 0, headEnd, StandardCharsets.US_ASCII));
                while (lim < total) {
                    int n = in.read(buf, lim, buf.length - lim);
                    if (n < 0) {
                        return;
                    }
                    lim += n;
                }
                System.arraycopy(buf, total, buf, 0, lim - total);
                lim -= total;
                out.write(ANSWER);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    /** The index just past "\r\n\r\n", or -1. */
    private static int headEnd(byte[] buf, int lim) {
        for (int i = 3; i < lim; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
