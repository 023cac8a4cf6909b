package io.aidos.core.internal.tracking;

import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Upserts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes buffered metric points as packed chunks ({@link MetricChunks}): when a run's buffer reaches the batch size, on
 * {@code flush()}/{@code close()}, and every flush interval from one background thread. A batch and the
 * run's latest-value rows are written in one transaction, so a returned flush is all-or-nothing durable.
 */
public final class MetricWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);

    private final Database db;
    private final int batchSize;
    private final Map<String, MetricBuffer> buffers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public MetricWriter(Database db, int batchSize, Duration interval) {
        this.db = db;
        this.batchSize = batchSize;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aidos-metric-flusher");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushIdle, millis, millis, TimeUnit.MILLISECONDS);
    }

    MetricBuffer buffer(String runId) {
        return buffers.computeIfAbsent(runId, id -> new MetricBuffer(id, batchSize));
    }

    void log(MetricBuffer buffer, String key, double value, long step, long timestamp) {
        if (buffer.add(key, value, step, timestamp)) {
            flush(buffer);
        }
    }

    /** Writes everything buffered for the run; returns once it is committed. */
    void flush(MetricBuffer buffer) {
        buffer.writeLock.lock();
        try {
            write(buffer);
        } finally {
            buffer.writeLock.unlock();
        }
    }

    void flush(String runId) {
        MetricBuffer buffer = buffers.get(runId);
        if (buffer != null) {
            flush(buffer);
        }
    }

    /** Flushes and forgets a finished run's buffer. */
    void release(String runId) {
        MetricBuffer buffer = buffers.get(runId);
        if (buffer != null) {
            flush(buffer);
            if (buffer.isEmpty()) {
                buffers.remove(runId, buffer);
            }
        }
    }

    public void flushAll() {
        for (MetricBuffer buffer : buffers.values()) {
            flush(buffer);
        }
    }

    private void flushIdle() {
        for (MetricBuffer buffer : buffers.values()) {
            if (!buffer.isEmpty() && buffer.writeLock.tryLock()) {
                try {
                    write(buffer);
                } catch (RuntimeException e) {
                    LOG.warn("writing metrics of run {} failed; they stay buffered and are retried: {}",
                            buffer.runId, e.getMessage());
                } finally {
                    buffer.writeLock.unlock();
                }
            }
        }
    }

    private void write(MetricBuffer buffer) {
        MetricBatch batch = buffer.drain();
        if (batch == null) {
            return;
        }
        try {
            db.inTransaction("log metrics", c -> {
                MetricChunks.insert(c, batch);
                updateLatest(c, batch);
                return null;
            });
        } catch (RuntimeException e) {
            buffer.restore(batch);
            throw e;
        }
    }

    /** Keeps latest_metrics at the highest (step, timestamp) point per key; later points win ties. */
    private static void updateLatest(Connection c, MetricBatch b) throws SQLException {
        Map<String, Integer> latest = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            Integer j = latest.get(b.keys()[i]);
            if (j == null || b.steps()[i] > b.steps()[j]
                    || b.steps()[i] == b.steps()[j] && b.timestamps()[i] >= b.timestamps()[j]) {
                latest.put(b.keys()[i], i);
            }
        }
        for (Map.Entry<String, Integer> e : latest.entrySet()) {
            int i = e.getValue();
            long step = b.steps()[i];
            long ts = b.timestamps()[i];
            Upserts.upsert(c,
                    "UPDATE latest_metrics SET step = ?, ts = ?, metric_value = ? WHERE run_id = ? AND metric_key = ?"
                            + " AND (step < ? OR (step = ? AND ts <= ?))",
                    new Object[] {step, ts, b.values()[i], b.runId(), e.getKey(), step, step, ts},
                    "INSERT INTO latest_metrics (run_id, metric_key, step, ts, metric_value) VALUES (?, ?, ?, ?, ?)",
                    new Object[] {b.runId(), e.getKey(), step, ts, b.values()[i]});
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushAll();
    }
}
