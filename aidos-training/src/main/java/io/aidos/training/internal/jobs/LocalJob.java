package io.aidos.training.internal.jobs;

import io.aidos.api.Job;
import io.aidos.api.JobFailedException;
import io.aidos.api.JobStatus;
import io.aidos.api.JobTimeoutException;
import io.aidos.api.LogLine;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A job handle over the queue: every call reads the store. Base of training and tuning jobs. */
abstract class LocalJob implements Job {
    /** How often a follower or a waiter looks at the store. */
    static final Duration POLL = Duration.ofMillis(100);

    final JobQueue queue;
    final String id;

    LocalJob(JobQueue queue, String id) {
        this.queue = queue;
        this.id = id;
    }

    JobRecord record() {
        return queue.get(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return record().kind();
    }

    @Override
    public JobStatus status() {
        return JobStatus.valueOf(record().status().name());
    }

    @Override
    public String error() {
        JobRecord r = record();
        return r.status().isFinal() && r.status() != io.aidos.core.internal.jobs.JobStatus.SUCCEEDED ? r.error() : null;
    }

    @Override
    public int attempts() {
        return record().attempts();
    }

    @Override
    public Instant createdAt() {
        return record().createdAt();
    }

    @Override
    public Instant startedAt() {
        return record().startedAt();
    }

    @Override
    public Instant finishedAt() {
        return record().finishedAt();
    }

    @Override
    public List<LogLine> logLines(long afterSeq) {
        return queue.logs(id, afterSeq).stream().map(l -> new LogLine(l.seq(), l.time(), l.line())).toList();
    }

    @Override
    public Stream<String> logs() {
        Iterator<String> follow = new Iterator<>() {
            private final Deque<String> pending = new ArrayDeque<>();
            private long seq;
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && !ended) {
                    boolean finalBefore = record().status().isFinal(); // read first: no line can be missed after it
                    for (var line : queue.logs(id, seq)) {
                        pending.add(line.line());
                        seq = line.seq();
                    }
                    if (pending.isEmpty()) {
                        if (finalBefore) {
                            ended = true;
                        } else {
                            pause(POLL.toMillis());
                        }
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(follow, Spliterator.ORDERED), false);
    }

    @Override
    public JobStatus cancel() {
        return JobStatus.valueOf(queue.cancel(id).name());
    }

    /** Waits for the job to end and returns its result JSON, or throws as {@code await} documents. */
    String awaitResult(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5; // short jobs end within milliseconds: look often at first, then every POLL
        while (true) {
            JobRecord r = record();
            switch (r.status()) {
                case SUCCEEDED:
                    return r.result();
                case FAILED:
                case CANCELLED:
                    throw new JobFailedException(id, JobStatus.valueOf(r.status().name()), r.error());
                default:
                    if (System.nanoTime() >= deadline) {
                        throw new JobTimeoutException(id, timeout, JobStatus.valueOf(r.status().name()));
                    }
                    pause(pause);
                    pause = Math.min(POLL.toMillis(), pause * 2);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.aidos.api.AiDosException("interrupted while waiting for a job", e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + id + "}";
    }
}
