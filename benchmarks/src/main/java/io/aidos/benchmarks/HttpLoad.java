package io.aidos.benchmarks;

import io.aidos.serving.internal.stats.LatencyHistogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP/1.1 load generator: event-loop threads ({@value #LOOPS_PROPERTY}, one per core by default) over
 * keep-alive connections, each POSTing the same prebuilt request.
 * {@link #closedLoop} sends the next request as soon as the answer is in (like {@code ab -k -c C}); {@link #openLoop}
 * sends at a fixed rate on a schedule and measures each latency from the scheduled send time, so a slow answer also
 * counts against the requests it held up (no coordinated omission). Both warm up until the rate stops rising and
 * count only the requests answered inside the measured window.
 */
final class HttpLoad {
    /** Measured rounds per figure; the best one is reported, with the others beside it. */
    static final int ROUNDS = 3;
    private static final long MIN_WARM_UP_NANOS = 10_000_000_000L;
    private static final long MAX_WARM_UP_NANOS = 60_000_000_000L;
    /** System property: the generator's event-loop threads (default: one per core, at most one per connection). */
    static final String LOOPS_PROPERTY = "aidos.bench.loadThreads";

    private final InetSocketAddress address;
    private final String path;
    private final byte[] request;
    private final Duration settle;
    private final Duration measure;

    private HttpLoad(InetSocketAddress address, String path, byte[] request, Duration settle, Duration measure) {
        this.address = address;
        this.path = path;
        this.request = request;
        this.settle = settle;
        this.measure = measure;
    }

    /**
     * POSTs of {@code body} as {@code contentType} to {@code uri}, each with its Content-Length; a run sends for
     * {@code settle} before the {@code measure}d window (new connections, and the open loop's rate to settle).
     */
    static HttpLoad post(URI uri, String contentType, String body, Duration settle, Duration measure) {
        return post(uri, contentType, body, Map.of(), settle, measure);
    }

    /** {@link #post(URI, String, String, Duration, Duration)} with {@code headers} on every request. */
    static HttpLoad post(URI uri, String contentType, String body, Map<String, String> headers, Duration settle,
                         Duration measure) {
        return post(uri, contentType, body.getBytes(StandardCharsets.UTF_8), headers, settle, measure);
    }

    /** {@link #post(URI, String, String, Map, Duration, Duration)} of a body of bytes. */
    static HttpLoad post(URI uri, String contentType, byte[] bytes, Map<String, String> headers, Duration settle,
                         Duration measure) {
        StringBuilder extra = new StringBuilder();
        headers.forEach((name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nAccept: */*\r\n" + extra + "Content-Length: "
                + bytes.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        return new HttpLoad(new InetSocketAddress(uri.getHost(), uri.getPort()), uri.getRawPath(), out.toByteArray(),
                settle, measure);
    }

    /** One POST through the JDK client; fails unless it is answered 200. Logs the answer to stderr. */
    static void checkOnce(URI uri, String body) throws IOException, InterruptedException {
        checkOnce(uri, body, Map.of());
    }

    /** {@link #checkOnce(URI, String)} with {@code headers}. */
    static void checkOnce(URI uri, String body, Map<String, String> headers) throws IOException, InterruptedException {
        checkOnce(uri, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** {@link #checkOnce(URI, String, Map)} of a body of bytes. */
    static void checkOnce(URI uri, String contentType, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        System.err.println("POST " + uri.getPath() + " -> " + r.body());
    }

    /**
     * {@code connections} connections, each sending again as soon as it is answered: after {@link #warmUp}, the best
     * of {@value #ROUNDS} rounds by answers per second.
     */
    LoadResult closedLoop(int connections) throws InterruptedException {
        warmUp(connections);
        List<LoadResult> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(run(connections, 0));
        }
        LoadResult best = rounds.stream().max(Comparator.comparingDouble(LoadResult::perSecond)).orElseThrow();
        return best.withRounds(rounds.stream().map(LoadResult::perSecond).toList());
    }

    /**
     * {@code ratePerSecond} requests a second spread over {@code connections} connections at fixed intervals: after
     * {@link #warmUp}, the best of {@value #ROUNDS} rounds by p99 latency, each settling at that rate first.
     */
    LoadResult openLoop(int connections, double ratePerSecond) throws InterruptedException {
        warmUp(connections);
        List<LoadResult> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(run(connections, ratePerSecond));
        }
        LoadResult best = rounds.stream().min(Comparator.comparingDouble(LoadResult::p99Millis)).orElseThrow();
        return best.withRounds(rounds.stream().map(LoadResult::p99Millis).toList());
    }

    /**
     * Closed-loop rounds of 2 s until the rate stops rising (three rounds in a row not 3% above the best so far), at
     * least 10 s and at most 60 s: on 2 busy cores the JIT needs 20 s or more before Jetty's request path runs at
     * full speed.
     */
    void warmUp(int connections) throws InterruptedException {
        HttpLoad round = new HttpLoad(address, path, request, Duration.ZERO, Duration.ofSeconds(2));
        StringBuilder log = new StringBuilder("warm-up " + path + " (req/s):");
        long start = System.nanoTime();
        double best = 0;
        int flat = 0;
        for (long t = 0; (flat < 3 || t < MIN_WARM_UP_NANOS) && t < MAX_WARM_UP_NANOS; t = System.nanoTime() - start) {
            double rate = round.run(connections, 0).perSecond();
            flat = rate > best * 1.03 ? 0 : flat + 1;
            best = Math.max(best, rate);
            log.append(String.format(Locale.ROOT, " %,.0f", rate));
        }
        System.err.println(log);
    }

    /**
     * One round: {@value #LOOPS_PROPERTY} event loops (one per core by default), each a thread over its share of the
     * {@code connections} non-blocking connections, like {@code wrk -t}. One loop alone gets one thread's share of
     * the cores it shares with the server's threads, so it can become the bottleneck.
     */
    private LoadResult run(int connections, double rate) throws InterruptedException {
        long start = System.nanoTime() + 20_000_000L;
        long measureStart = start + settle.toNanos();
        long end = measureStart + measure.toNanos();
        long interval = rate > 0 ? (long) (1e9 * connections / rate) : 0;
        int loops = Math.min(connections, Integer.getInteger(LOOPS_PROPERTY, Runtime.getRuntime()
                .availableProcessors()));
        List<EventLoop> all = new ArrayList<>();
        for (int t = 0; t < loops; t++) {
            List<Long> firsts = new ArrayList<>();
            for (int i = t; i < connections; i += loops) {
                firsts.add(start + (rate > 0 ? (long) (1e9 * i / rate) : 0));
            }
            all.add(new EventLoop(firsts, interval, measureStart, end));
        }
        CpuShare cpu = CpuShare.start();
        all.forEach(l -> l.thread.start());
        LatencyHistogram latencies = new LatencyHistogram();
        long answered = 0;
        long failed = 0;
        for (EventLoop l : all) {
            l.thread.join();
            if (l.error != null) {
                throw new IllegalStateException("a load generator loop failed: " + l.error, l.error);
            }
            l.latencies.addTo(latencies);
            answered += l.answered;
            failed += l.failed;
        }
        return new LoadResult(answered / (measure.toNanos() / 1e9), latencies.percentileNanos(50) / 1e6,
                latencies.percentileNanos(99) / 1e6, answered, failed, cpu.ownCores(), cpu.otherCores(), List.of());
    }

    /**
     * One thread running an event loop over some connections, like {@code ab} and {@code wrk}. Closed loop when
     * {@code interval} is 0, else each connection sends every {@code interval} from its first instant, and a send
     * that is due while its connection still waits for an answer goes out as soon as the answer is in, timed from
     * when it was due. Between sends less than a millisecond apart the loop sleeps until the next one is due and then
     * collects the answers, so an answer's latency can read up to one send interval long.
     */
    private final class EventLoop {
        final LatencyHistogram latencies = new LatencyHistogram();
        final Thread thread;
        long answered;
        long failed;
        Exception error;

        EventLoop(List<Long> firsts, long interval, long measureStart, long end) {
            this.thread = new Thread(() -> {
                try {
                    loop(firsts, interval, measureStart, end);
                } catch (IOException | RuntimeException e) {
                    error = e; // reported by run(): a loop that died must not pass for one that counted nothing
                }
            }, "http-load");
            thread.setDaemon(true);
        }

        private void loop(List<Long> firsts, long interval, long measureStart, long end) throws IOException {
            try (Selector selector = Selector.open()) {
                List<LoadConnection> all = new ArrayList<>();
                for (long first : firsts) {
                    LoadConnection c = new LoadConnection(address, selector);
                    c.next = first;
                    all.add(c);
                }
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        break;
                    }
                    long due = end;
                    for (LoadConnection c : all) {
                        if (c.busy) {
                            continue;
                        }
                        if (c.next <= now) {
                            try {
                                c.send(request, interval > 0 ? c.next : now);
                            } catch (IOException e) {
                                if (now >= measureStart) {
                                    answered++;
                                    failed++;
                                }
                                c.next = now + Math.max(interval, 1_000_000L); // a refused connect: try again later
                                due = Math.min(due, c.next);
                            }
                        } else {
                            due = Math.min(due, c.next);
                        }
                    }
                    long wait = due - System.nanoTime();
                    if (wait >= 1_000_000L) {
                        selector.select(wait / 1_000_000L);
                    } else {
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        selector.selectNow();
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        LoadConnection c = (LoadConnection) key.attachment();
                        int status;
                        try {
                            status = key.isValid() && key.isReadable() ? c.read() : 0;
                        } catch (IOException e) {
                            status = -1;
                        }
                        if (status == 0) {
                            continue;
                        }
                        long done = System.nanoTime();
                        if (done >= measureStart && done < end) {
                            answered++;
                            latencies.record(done - c.sentAt);
                            if (status != 200) {
                                failed++;
                            }
                        }
                        c.next = interval > 0 ? c.next + interval : done;
                    }
                    selector.selectedKeys().clear();
                }
                all.forEach(LoadConnection::close);
            }
        }
    }
}
