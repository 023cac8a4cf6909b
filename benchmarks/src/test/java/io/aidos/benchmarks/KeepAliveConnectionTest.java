package io.aidos.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's response framing: Content-Length, chunked, and a server that closes after answering. */
class KeepAliveConnectionTest {
    private static final byte[] REQUEST = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsEachFramingAndReconnectsAfterClose() throws Exception {
        List<String> answers = List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=1\r\nabc\r\n2\r\nde\r\n0\r\n"
                        + "Trailer: t\r\n\r\n",
                "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx",
                "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serve(server, answers, connections));
            t.setDaemon(true);
            t.start();
            try (KeepAliveConnection c = new KeepAliveConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getLocalPort()))) {
                assertThat(c.exchange(REQUEST)).isEqualTo(200);
                assertThat(c.exchange(REQUEST)).isEqualTo(404);
                assertThat(c.exchange(REQUEST)).isEqualTo(200);
                assertThat(c.exchange(REQUEST)).isEqualTo(503);
                assertThat(c.exchange(REQUEST)).isEqualTo(201);
            }
        }
        assertThat(connections.get()).isEqualTo(2);
    }

    /** Answers the scripted answers in order, one per request; closes the connection after a "Connection: close". */
    private static void serve(ServerSocket server, List<String> answers, AtomicInteger connections) {
        int next = 0;
        while (next < answers.size()) {
            try (Socket s = server.accept(); InputStream in = s.getInputStream();
                 OutputStream out = s.getOutputStream()) {
                connections.incrementAndGet();
                while (next < answers.size()) {
                    in.readNBytes(REQUEST.length);
                    String answer = answers.get(next++);
                    out.write(answer.getBytes(StandardCharsets.US_ASCII));
                    if (answer.contains("Connection: close")) {
                        break;
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }
}
