package io.aidos.core.internal.tracking;

import io.aidos.api.AiDosException;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Dialect;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes buffered metric points as packed chunks ({@link MetricChunks}) behind the logging threads: a write is
 * queued when a run's buffer reaches the batch size and every flush interval, and {@code flush()}/{@code close()}
 * queue one and wait for it. Writes of one run are chained in order; different runs write in parallel. Each write
 * (chunks plus latest values) is one transaction; a failed one puts its points back and is retried by the next.
 */
public final class MetricWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);

    private final Database db;
    private final int batchSize;
    private final Map<String, MetricBuffer> buffers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private final ExecutorService writers;

    public MetricWriter(Database db, int batchSize, Duration interval, int writerThreads) {
        this.db = db;
        this.batchSize = batchSize;
        this.flusher = Executors.newSingleThreadScheduledExecutor(daemon("aidos-metric-flusher"));
        this.writers = Executors.newFixedThreadPool(writerThreads, daemon("aidos-metric-writer"));
        long millis = interval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushIdle, millis, millis, TimeUnit.MILLISECONDS);
    }

    MetricBuffer buffer(String runId) {
        return buffers.computeIfAbsent(runId, id -> new MetricBuffer(id, batchSize));
    }

    void log(MetricBuffer buffer, String key, double value, long step, long timestamp) {
        switch (buffer.add(key, value, step, timestamp)) {
            case SCHEDULE_WRITE -> queueWrite(buffer);
            case WAIT -> await(queueWrite(buffer));
            case NONE -> { }
        }
    }

    /** Writes everything buffered for the run; returns once it is committed. */
    void flush(MetricBuffer buffer) {
        await(queueWrite(buffer));
    }

    /** Flushes the run's buffer if it has one (without creating one). */
    void flushIfBuffered(String runId) {
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
        buffers.values().forEach(this::flush);
    }

    private CompletableFuture<Void> queueWrite(MetricBuffer buffer) {
        synchronized (buffer.lane) {
            buffer.tail = buffer.tail.exceptionally(e -> null).thenRunAsync(() -> write(buffer), writers);
            return buffer.tail;
        }
    }

    private void flushIdle() {
        for (MetricBuffer buffer : buffers.values()) {
            if (buffer.claimIdleWrite()) {
                queueWrite(buffer).exceptionally(e -> {
                    LOG.warn("writing metrics of run {} failed; they stay buffered and are retried: {}",
                            buffer.runId, e.getMessage());
                    return null;
                });
            }
        }
    }

    private void write(MetricBuffer buffer) {
        MetricBatch batch = buffer.drain();
        if (batch == null) {
            return;
        }
        try {
            writeNow(batch);
        } catch (RuntimeException e) {
            buffer.restore(batch);
            throw e;
        }
    }

    /** Writes a batch at once, in one transaction, past any buffer (for the server's synchronous logging). */
    void writeNow(MetricBatch batch) {
        KeyGroups groups = new KeyGroups(batch.keys(), batch.size());
        db.inTransaction("log metrics", c -> {
            if (db.dialect() == Dialect.POSTGRES) {
                LatestMetrics.insertWithChunks(c, batch, groups); // one round trip per write
            } else {
                MetricChunks.insert(c, batch, groups);
                LatestMetrics.update(c, batch, groups);
            }
            return null;
        });
    }

    private static void await(CompletableFuture<Void> write) {
        try {
            write.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r instanceof AiDosException ? r : new AiDosException("writing metrics failed: " + r.getMessage(), r);
            }
            throw new AiDosException("writing metrics failed: " + cause, cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
            flushAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writers.shutdown();
        }
    }
}
