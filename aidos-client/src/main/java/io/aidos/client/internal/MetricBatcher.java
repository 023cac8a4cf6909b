package io.aidos.client.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aidos.api.AiDosException;
import io.aidos.spi.Arguments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Buffers logged metric points per run and sends them as one {@code POST .../metrics} batch (with an
 * Idempotency-Key, so a lost answer is retried safely) when a run's buffer reaches the batch size, every flush
 * interval, on {@link #flush(String)} and on close. Loggers keep filling a fresh buffer while a batch is sent;
 * sends of one run are serialized, so a returned flush means everything logged before is on the server.
 */
final class MetricBatcher implements AutoCloseable {
    private final Rest rest;
    private final int batchSize;
    private final Map<String, RunBuffer> buffers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile AiDosException lastBackgroundFailure;

    private static final class RunBuffer {
        final Object sendLock = new Object();
        List<Object[]> points = new ArrayList<>();
    }

    MetricBatcher(Rest rest, int batchSize, Duration interval) {
        this.rest = rest;
        this.batchSize = batchSize;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aidos-metric-flush");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::flushAllQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    void log(String runId, String name, double value, long step) {
        Arguments.key("metric name", name);
        RunBuffer b = buffers.computeIfAbsent(runId, id -> new RunBuffer());
        boolean full;
        synchronized (b) {
            b.points.add(new Object[] {name, value, step});
            full = b.points.size() >= batchSize;
        }
        if (full) {
            flush(runId);
        }
    }

    /** Sends everything logged to {@code runId} so far; returns once the server has stored it. */
    void flush(String runId) {
        RunBuffer b = buffers.get(runId);
        if (b == null) {
            return;
        }
        synchronized (b.sendLock) {
            List<Object[]> batch;
            synchronized (b) {
                batch = b.points;
                b.points = new ArrayList<>();
            }
            if (!batch.isEmpty()) {
                send(runId, batch);
            }
        }
    }

    void flushAll() {
        for (String runId : buffers.keySet()) {
            flush(runId);
        }
        AiDosException failure = lastBackgroundFailure;
        if (failure != null) {
            lastBackgroundFailure = null;
            throw failure;
        }
    }

    private void flushAllQuietly() {
        for (String runId : buffers.keySet()) {
            try {
                flush(runId);
            } catch (AiDosException e) {
                lastBackgroundFailure = e; // reported by the next flush or close
            }
        }
    }

    private void send(String runId, List<Object[]> batch) {
        byte[] json = encode(batch);
        rest.postIdempotent(rest.url("runs", runId, "metrics"), json, UUID.randomUUID().toString());
    }

    static byte[] encode(List<Object[]> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 48 + 32);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("metrics");
            for (Object[] p : batch) {
                g.writeStartObject();
                g.writeStringField("key", (String) p[0]);
                double v = (Double) p[1];
                if (Double.isFinite(v)) {
                    g.writeNumberField("value", v);
                } else {
                    g.writeStringField("value", Double.toString(v));
                }
                g.writeNumberField("step", (Long) p[2]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new AiDosException("cannot encode a metric batch: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Forgets a run's buffer after flushing it (the run ended). */
    void release(String runId) {
        flush(runId);
        buffers.remove(runId);
    }

    @Override
    public void close() {
        timer.shutdown();
        flushAll();
    }
}
