package io.aidos.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator's response framing: Content-Length, chunked with trailers, answers that arrive in pieces, and a
 * server that closes after answering.
 */
class LoadConnectionTest {
    private static final byte[] REQUEST = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsEachFramingInPiecesAndReconnectsAfterClose() throws Exception {
        List<String> answers = List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=1\r\nabc\r\n2\r\nde\r\n0\r\n"
                        + "Trailer: t\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 20000\r\n\r\n" + "x".repeat(20_000),
                "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx",
                "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             Selector selector = Selector.open()) {
            Thread t = new Thread(() -> serve(server, answers, connections));
            t.setDaemon(true);
            t.start();
            try (LoadConnection c = new LoadConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getLocalPort()), selector)) {
                for (int expected : new int[] {200, 404, 200, 200, 503}) {
                    assertThat(exchange(c, selector)).isEqualTo(expected);
                    assertThat(c.busy).isFalse();
                }
                assertThat(c.open()).as("closed after Connection: close").isFalse();
                assertThat(exchange(c, selector)).isEqualTo(201);
                assertThat(c.sentAt).isEqualTo(42L);
            }
        }
        assertThat(connections.get()).isEqualTo(2);
    }

    /** Sends and selects until the answer is complete; returns its status. */
    private static int exchange(LoadConnection c, Selector selector) throws IOException {
        c.send(REQUEST, 42L);
        while (true) {
            selector.select(5_000);
            for (var key : selector.selectedKeys()) {
                int status = ((LoadConnection) key.attachment()).read();
                if (status != 0) {
                    selector.selectedKeys().clear();
                    return status;
                }
            }
            selector.selectedKeys().clear();
        }
    }

    /**
     * Answers the scripted answers in order, one per request, each in two writes a little apart so the client sees
     * it in pieces; closes the connection after a "Connection: close".
     */
    private static void serve(ServerSocket server, List<String> answers, AtomicInteger connections) {
        int next = 0;
        while (next < answers.size()) {
            try (Socket s = server.accept(); InputStream in = s.getInputStream();
                 OutputStream out = s.getOutputStream()) {
                s.setTcpNoDelay(true);
                connections.incrementAndGet();
                while (next < answers.size()) {
                    in.readNBytes(REQUEST.length);
                    byte[] answer = answers.get(next++).getBytes(StandardCharsets.US_ASCII);
                    int half = answer.length / 2;
                    out.write(answer, 0, half);
                    out.flush();
                    Thread.sleep(20);
                    out.write(answer, half, answer.length - half);
                    if (new String(answer, StandardCharsets.US_ASCII).contains("Connection: close")) {
                        break;
                    }
                }
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
