package io.aidos.serving.internal.deploy;

import io.aidos.api.Batching;
import io.aidos.api.Column;
import io.aidos.api.ModelVersion;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.core.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Slots, draining and batching of one replica, with a predictor that records how it is called. */
class ReplicaTest {

    /** Answers each row's "x" as the value; can hold calls until released. */
    static final class Recording implements Predictor {
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile long sleepMillis;
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public ModelVersion modelVersion() {
            return new ModelVersion("m", 1, "run", "model", Instant.EPOCH);
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public List<Column> inputs() {
            return List.of();
        }

        @Override
        public Prediction predict(Map<String, ?> features) {
            return predictAll(List.of(features)).get(0);
        }

        @Override
        public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
            if (closed) {
                throw new IllegalStateException("used after close");
            }
            calls.incrementAndGet();
            batchSizes.add(rows.size());
            threads.add(Thread.currentThread().getName());
            try {
                gate.await(10, TimeUnit.SECONDS);
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Prediction> out = new ArrayList<>();
            rows.forEach(r -> out.add(Prediction.ofValue(((Number) r.get("x")).doubleValue())));
            return out;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void slotsAreBoundedAndDrainClosesAfterTheLastRequest() throws Exception {
        Recording model = new Recording();
        model.gate = new CountDownLatch(1);
        AtomicInteger closedCallbacks = new AtomicInteger();
        Replica r = new Replica("r1", model, 1, 1, Batching.NONE, new Arrivals(), closedCallbacks::incrementAndGet);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThat(r.tryAcquire()).isTrue();
            Future<List<Prediction>> running = pool.submit(() -> r.run(List.of(Map.of("x", 1))));
            assertThat(r.tryAcquire()).isTrue(); // the queue's one place
            assertThat(r.tryAcquire()).isFalse(); // full
            Future<List<Prediction>> queued = pool.submit(() -> r.run(List.of(Map.of("x", 2))));
            r.drain();
            assertThat(r.tryAcquire()).isFalse(); // draining takes nothing new
            assertThat(model.closed).isFalse(); // two requests still held
            model.gate.countDown();
            assertThat(running.get().get(0).value()).isEqualTo(1.0);
            assertThat(queued.get().get(0).value()).isEqualTo(2.0);
            assertThat(model.closed).isTrue();
            assertThat(closedCallbacks.get()).isEqualTo(1);
            assertThat(r.outstanding()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdleReplicaClosesOnDrainAtOnce() {
        Recording model = new Recording();
        Replica r = new Replica("r2", model, 2, 0, Batching.NONE, new Arrivals(), () -> { });
        r.drain();
        assertThat(model.closed).isTrue();
        assertThat(r.closed()).isTrue();
    }

    @Test
    void batchingGroupsTheRequestsThatQueuedWhileTheModelWasBusy() throws Exception {
        Recording model = new Recording();
        model.gate = new CountDownLatch(1); // the first call holds the model
        Replica r = new Replica("r3", model, 1, 64, Batching.of(16, Duration.ofSeconds(1)), new Arrivals(),
                () -> { });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Double>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int x = i;
                assertThat(r.tryAcquire()).isTrue();
                answers.add(pool.submit(() -> r.run(List.of(Map.of("x", x))).get(0).value()));
                if (i == 0) {
                    Await.until("the first call", Duration.ofSeconds(10), () -> model.calls.get() == 1);
                }
            }
            Await.until("15 requests queued", Duration.ofSeconds(10), () -> r.waitingForBatch() == 15);
            model.gate.countDown();
            for (int i = 0; i < 16; i++) {
                assertThat(answers.get(i).get()).isEqualTo((double) i);
            }
            assertThat(model.batchSizes).containsExactly(1, 15);
        } finally {
            pool.shutdownNow();
            r.drain();
        }
    }

    @Test
    void aLoneRequestIsNotHeldForMaxDelay() {
        Recording model = new Recording();
        Replica r = new Replica("r4", model, 4, 4, Batching.of(16, Duration.ofSeconds(1)), new Arrivals(),
                () -> { });
        try {
            long start = System.nanoTime();
            assertThat(r.tryAcquire()).isTrue();
            assertThat(r.run(List.of(Map.of("x", 7))).get(0).value()).isEqualTo(7.0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1)); // waiting would take the whole second
            assertThat(model.batchSizes).containsExactly(1);
        } finally {
            r.drain();
        }
    }

    @Test
    void batchingWaitsForRequestsStillBeingRead() throws Exception {
        Recording model = new Recording();
        Arrivals arrivals = new Arrivals();
        Replica r = new Replica("r5", model, 4, 4, Batching.of(16, Duration.ofSeconds(1)), arrivals, () -> { });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        try {
            pool.submit(() -> arrivals.during(() -> {
                reading.countDown();
                try {
                    return read.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(r.tryAcquire()).isTrue();
            Future<Double> first = pool.submit(() -> r.run(List.of(Map.of("x", 1))).get(0).value());
            assertThat(r.tryAcquire()).isTrue();
            Future<Double> second = pool.submit(() -> r.run(List.of(Map.of("x", 2))).get(0).value());
            Await.until("2 requests holding slots", Duration.ofSeconds(10), () -> r.outstanding() == 2);
            Thread.sleep(100); // the batcher holds both while a request is still being read
            assertThat(model.calls.get()).isZero();
            read.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1.0);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2.0);
            assertThat(model.batchSizes).containsExactly(2);
        } finally {
            pool.shutdownNow();
            r.drain();
        }
    }

    private static CompletableFuture<List<Prediction>> submit(Replica r, double x) {
        assertThat(r.tryAcquire()).isTrue();
        return r.submit(List.of(Map.of("x", x)));
    }

    @Test
    void aFastModelRunsOnTheSubmittingThreadOnceItsSpeedIsKnown() throws Exception {
        Recording model = new Recording();
        Replica r = new Replica("r6", model, 2, 2, Batching.NONE, new Arrivals(), () -> { });
        try {
            assertThat(submit(r, 1).join().get(0).value()).isEqualTo(1.0); // speed unknown: a replica thread
            assertThat(model.threads.get(0)).startsWith("aidos-replica-r6");
            // The speed is a moving average: a slow first call (class loading, a busy machine) takes a few calls to
            // average out, and those still run on the replica's threads. On a machine busy with other builds a call
            // is now and then preempted, which sets the average back: keep calling for up to 20 s.
            boolean answeredOnReturn = false;
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!answeredOnReturn && System.nanoTime() < until) {
                CompletableFuture<List<Prediction>> next = submit(r, 2);
                answeredOnReturn = next.isDone();
                assertThat(next.join().get(0).value()).isEqualTo(2.0);
            }
            assertThat(answeredOnReturn).as("a call answered before submit returned").isTrue();
            assertThat(model.threads.get(model.threads.size() - 1)).isEqualTo(Thread.currentThread().getName());
            Await.until("slots given back", Duration.ofSeconds(10), () -> r.outstanding() == 0);
        } finally {
            r.drain();
        }
    }

    @Test
    void aSlowModelRunsOnTheReplicasThreads() throws Exception {
        Recording model = new Recording();
        model.sleepMillis = 2; // ten times the inline limit
        Replica r = new Replica("r7", model, 2, 2, Batching.NONE, new Arrivals(), () -> { });
        try {
            submit(r, 1).join();
            CompletableFuture<List<Prediction>> second = submit(r, 2);
            assertThat(second.join().get(0).value()).isEqualTo(2.0);
            assertThat(model.threads).allMatch(t -> t.startsWith("aidos-replica-r7"));
        } finally {
            r.drain();
        }
    }

    @Test
    void submittingToABusyModelQueuesWithoutWaiting() throws Exception {
        Recording model = new Recording();
        model.gate = new CountDownLatch(1);
        Replica r = new Replica("r8", model, 1, 3, Batching.NONE, new Arrivals(), () -> { });
        try {
            List<CompletableFuture<List<Prediction>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(submit(r, i)); // would block here for the gate's 10 s if submit waited for the model
            }
            assertThat(answers).noneMatch(CompletableFuture::isDone);
            assertThat(r.outstanding()).isEqualTo(4);
            assertThat(r.tryAcquire()).isFalse(); // 1 running + 3 queued: full
            model.gate.countDown();
            for (int i = 0; i < 4; i++) {
                assertThat(answers.get(i).join().get(0).value()).isEqualTo((double) i);
            }
            Await.until("slots given back", Duration.ofSeconds(10), () -> r.outstanding() == 0);
            assertThat(model.batchSizes).containsExactly(1, 1, 1, 1);
        } finally {
            r.drain();
        }
    }

    @Test
    void batchedSubmitsAreAnsweredByTheBatcher() throws Exception {
        Recording model = new Recording();
        model.gate = new CountDownLatch(1);
        Replica r = new Replica("r9", model, 1, 8, Batching.of(16, Duration.ofSeconds(1)), new Arrivals(),
                () -> { });
        try {
            CompletableFuture<List<Prediction>> first = submit(r, 1);
            Await.until("the first call", Duration.ofSeconds(10), () -> model.calls.get() == 1);
            CompletableFuture<List<Prediction>> second = submit(r, 2);
            CompletableFuture<List<Prediction>> third = submit(r, 3);
            assertThat(List.of(first, second, third)).noneMatch(CompletableFuture::isDone);
            model.gate.countDown();
            assertThat(third.join().get(0).value()).isEqualTo(3.0);
            assertThat(second.join().get(0).value()).isEqualTo(2.0);
            assertThat(first.join().get(0).value()).isEqualTo(1.0);
            assertThat(model.batchSizes).containsExactly(1, 2);
            assertThat(model.threads).allMatch(t -> t.startsWith("aidos-batcher-r9"));
            Await.until("slots given back", Duration.ofSeconds(10), () -> r.outstanding() == 0);
        } finally {
            r.drain();
        }
    }

    @Test
    void batchesRunSideBySideUpToMaxConcurrency() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one batch per core: needs 2 cores");
        assertThat(Replica.batchConcurrency(64)).isEqualTo(Runtime.getRuntime().availableProcessors());
        Recording model = new Recording();
        model.gate = new CountDownLatch(1); // every call holds until the gate opens
        Replica r = new Replica("r11", model, 2, 8, Batching.of(16, Duration.ofSeconds(1)), new Arrivals(),
                () -> { });
        try {
            List<CompletableFuture<List<Prediction>>> answers = new ArrayList<>();
            answers.add(submit(r, 0));
            Await.until("the first batch", Duration.ofSeconds(10), () -> model.calls.get() == 1);
            answers.add(submit(r, 1)); // the model is busy, but a second batch may run beside the first
            Await.until("a second batch beside the first", Duration.ofSeconds(10), () -> model.calls.get() == 2);
            for (int i = 2; i < 5; i++) {
                answers.add(submit(r, i));
            }
            Await.until("3 requests queued behind two batches", Duration.ofSeconds(10), () -> r.waitingForBatch() == 3);
            assertThat(model.calls.get()).isEqualTo(2); // no third batch while two run
            model.gate.countDown();
            for (int i = 0; i < 5; i++) {
                assertThat(answers.get(i).join().get(0).value()).isEqualTo((double) i);
            }
            assertThat(model.batchSizes).containsExactly(1, 1, 3);
            assertThat(model.threads.subList(0, 2)).doesNotHaveDuplicates()
                    .allMatch(t -> t.startsWith("aidos-batcher-r11"));
            Await.until("slots given back", Duration.ofSeconds(10), () -> r.outstanding() == 0);
            r.drain();
            assertThat(r.closed()).isTrue();
            assertThat(r.waitingForBatch()).isZero(); // the stop marker its threads pass on is not a request
        } finally {
            r.drain();
        }
    }

    @Test
    void aFailedCallFailsItsAnswerAndGivesTheSlotBack() throws Exception {
        Recording model = new Recording();
        Replica r = new Replica("r10", model, 1, 0, Batching.NONE, new Arrivals(), () -> { });
        try {
            assertThat(r.tryAcquire()).isTrue();
            CompletableFuture<List<Prediction>> bad = r.submit(List.of(Map.of("y", 1))); // no "x": the model fails
            assertThatThrownBy(bad::join).hasCauseInstanceOf(NullPointerException.class);
            Await.until("the slot given back", Duration.ofSeconds(10), () -> r.outstanding() == 0);
            assertThat(submit(r, 5).join().get(0).value()).isEqualTo(5.0);
        } finally {
            r.drain();
        }
    }
}
