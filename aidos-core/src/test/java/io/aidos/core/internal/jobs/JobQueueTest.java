package io.aidos.core.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import io.aidos.core.Await;
import io.aidos.core.internal.LocalAiDos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job queue on a real store: exactly-once claiming, leases, retries, cancellation, logs. */
abstract class JobQueueTest {
    private static final Duration LEASE = Duration.ofSeconds(2); // heartbeats every 2/3 s: ample on a loaded CI box
    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path temp;
    private AiDosConfig config;
    private final List<AutoCloseable> open = new ArrayList<>();

    protected abstract AiDosConfig freshStore(Path tempDir);

    protected void dropStore(AiDosConfig config) {
    }

    @BeforeEach
    void create() {
        config = freshStore(temp);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        dropStore(config);
    }

    /** A queue on its own connection pool, as another process would have. */
    private JobQueue queue() {
        AiDos aidos = AiDos.open(config);
        open.add(aidos);
        return new JobQueue(((LocalAiDos) aidos).database());
    }

    private JobWorker worker(JobQueue queue, String id, int parallelism, JobHandler handler) {
        JobWorker worker = new JobWorker(queue, id, Map.of("test", handler), parallelism, LEASE, POLL);
        open.add(worker);
        return worker;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, Duration.ofSeconds(30), condition);
    }

    @Test
    void workersShareTheQueueAndRunEachJobOnce() throws Exception {
        JobQueue submitter = queue();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(submitter.submit("test", "{\"n\":" + i + "}", 3));
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        JobHandler handler = ctx -> {
            runs.computeIfAbsent(ctx.id(), k -> new AtomicInteger()).incrementAndGet();
            ctx.log("ran " + ctx.spec());
            Thread.sleep(5);
            return "{\"ok\":true}";
        };
        for (int w = 0; w < 3; w++) {
            worker(queue(), "w" + w, 2, handler);
        }
        await("all jobs to succeed", () -> ids.stream().allMatch(id -> submitter.get(id).status() == JobStatus.SUCCEEDED));
        assertThat(runs).hasSize(40).allSatisfy((id, n) -> assertThat(n.get()).as(id).isEqualTo(1));
        JobRecord first = submitter.get(ids.get(0));
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.result()).isEqualTo("{\"ok\":true}");
        assertThat(submitter.logs(ids.get(0), 0)).extracting(JobLogLine::line).containsExactly("ran {\"n\":0}");
    }

    @Test
    void aLostWorkersJobIsRetriedAndItsLateResultIgnored() throws Exception {
        JobQueue queue = queue();
        String id = queue.submit("test", "{}", 3);
        assertThat(queue.claim("dead", List.of("test"), Duration.ofMillis(100))).isPresent(); // then never heartbeats
        worker(queue(), "alive", 1, ctx -> "{\"by\":\"alive\"}");
        await("retry on another worker", () -> queue.get(id).status() == JobStatus.SUCCEEDED);
        JobRecord done = queue.get(id);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.workerId()).isEqualTo("alive");
        assertThat(queue.succeed(id, "dead", "{\"by\":\"dead\"}")).isFalse();
        assertThat(queue.get(id).result()).isEqualTo("{\"by\":\"alive\"}");
    }

    @Test
    void attemptsAreBounded() throws Exception {
        JobQueue queue = queue();
        String lost = queue.submit("test", "{}", 1);
        queue.claim("dead", List.of("test"), Duration.ofMillis(50));
        Thread.sleep(100); // let the lease run out
        assertThat(queue.claim("other", List.of("test"), LEASE)).isEmpty();
        assertThat(queue.get(lost).status()).isEqualTo(JobStatus.FAILED);
        assertThat(queue.get(lost).error()).contains("attempts are used");

        AtomicInteger calls = new AtomicInteger();
        String flaky = queue.submit("test", "{}", 3);
        String invalid = queue.submit("test", "bad", 3);
        worker(queue(), "w", 1, ctx -> {
            if (ctx.spec().equals("bad")) {
                throw new InvalidInputException("spec", "bad", "is not a job spec");
            }
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("transient");
            }
            return null;
        });
        await("flaky to succeed", () -> queue.get(flaky).status() == JobStatus.SUCCEEDED);
        await("invalid to fail", () -> queue.get(invalid).status() == JobStatus.FAILED);
        assertThat(queue.get(flaky).attempts()).isEqualTo(2);
        assertThat(queue.get(invalid).attempts()).isEqualTo(1);
        assertThat(queue.get(invalid).error()).contains("is not a job spec");
    }

    @Test
    void cancellationStopsQueuedAndRunningJobsPromptly() throws Exception {
        JobQueue queue = queue();
        String queued = queue.submit("other-kind", "{}", 1);
        assertThat(queue.cancel(queued)).isEqualTo(JobStatus.CANCELLED);

        String running = queue.submit("test", "{}", 1);
        worker(queue(), "w", 1, ctx -> {
            ctx.log("started");
            while (!ctx.shouldStop()) {
                Thread.sleep(5);
            }
            return null;
        });
        await("job to start", () -> !queue.logs(running, 0).isEmpty());
        long asked = System.nanoTime();
        assertThat(queue.cancel(running)).isEqualTo(JobStatus.RUNNING);
        await("job to be cancelled", () -> queue.get(running).status() == JobStatus.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(LEASE.multipliedBy(3));
    }
}
