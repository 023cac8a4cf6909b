package io.aidos.core.internal.dataset;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Parses a CSV's records on a second thread, in batches a few ahead of the caller, so that parsing overlaps
 * type inference, encoding and hashing on two cores. Records reach the caller in order, and a parse error is
 * thrown to it (the same exception, naming the same line) only after every record before it.
 */
final class ReadAhead {
    // small batches, few ahead: records reach the encoder while still in cache (512 x 8 measured slower)
    private static final int BATCH = 128;
    private static final int BATCHES_AHEAD = 4;

    private ReadAhead() {
    }

    /** Feeds every record to {@code action} on this thread; returns once the parser is no longer in use. */
    static void forEach(CsvParser parser, Consumer<String[]> action) {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        BatchReader reader = new BatchReader(parser, queue);
        Thread thread = new Thread(reader, "aidos-csv-read-ahead");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Batch batch = queue.take();
                for (String[] record : batch.records) {
                    action.accept(record);
                }
                if (batch.failure instanceof RuntimeException e) {
                    throw e;
                }
                if (batch.failure instanceof Error e) {
                    throw e;
                }
                if (batch.isLast()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } finally {
            reader.stopped = true;
            queue.clear(); // a reader blocked on a full queue gets room, sees the flag and ends
            joinUninterruptibly(thread);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records in order; the last batch is short or carries the failure that ended parsing after them. */
    private record Batch(String[][] records, Throwable failure) {
        boolean isLast() {
            return records.length < BATCH || failure != null;
        }
    }

    /** Puts exactly one batch per check of {@link #stopped}, so after a clear it never blocks for good. */
    private static final class BatchReader implements Runnable {
        private final CsvParser parser;
        private final BlockingQueue<Batch> queue;
        volatile boolean stopped;

        BatchReader(CsvParser parser, BlockingQueue<Batch> queue) {
            this.parser = parser;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                Batch batch = null;
                while ((batch == null || !batch.isLast()) && !stopped) {
                    String[][] records = new String[BATCH][];
                    int n = 0;
                    Throwable failure = null;
                    try {
                        for (String[] r = parser.next(); r != null; r = n < BATCH ? parser.next() : null) {
                            records[n++] = r;
                        }
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    }
                    batch = new Batch(n < BATCH ? Arrays.copyOf(records, n) : records, failure);
                    queue.put(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nobody waits for more
            }
        }
    }
}
