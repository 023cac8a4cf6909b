package io.aidos.serving.internal.deploy;

import io.aidos.api.Batching;
import io.aidos.api.Prediction;
import io.aidos.core.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Balancing over a variant's replicas, and scaling down while they hold requests. */
class ReplicaSetTest {
    private final List<ReplicaTest.Recording> models = new CopyOnWriteArrayList<>();

    private ReplicaSet replicas(int maxConcurrency, int queueCapacity) {
        return new ReplicaSet("m:1", () -> {
            ReplicaTest.Recording model = new ReplicaTest.Recording();
            models.add(model);
            return model;
        }, maxConcurrency, queueCapacity, Batching.NONE, new Arrivals(), Runnable::run);
    }

    @Test
    void eachRequestGoesToTheReplicaWithFewerOutstanding() {
        ReplicaSet set = replicas(8, 8);
        set.start(2);
        try {
            Map<Replica, Integer> held = new IdentityHashMap<>();
            for (int i = 0; i < 20; i++) {
                held.merge(set.acquire(), 1, Integer::sum);
                assertThat(held.values().stream().mapToInt(Integer::intValue).max().getAsInt()
                        - (held.size() < 2 ? 0 : held.values().stream().mapToInt(Integer::intValue).min().getAsInt()))
                        .as("outstanding after %d requests: %s", i + 1, held.values()).isLessThanOrEqualTo(1);
            }
            assertThat(held.values()).containsExactly(10, 10);

            // Five answered on one replica: the next five requests all go there.
            Replica freed = held.keySet().iterator().next();
            for (int i = 0; i < 5; i++) {
                assertThat(freed.run(List.of(Map.of("x", i))).get(0).value()).isEqualTo(i);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(set.acquire()).isSameAs(freed);
            }
            assertThat(freed.outstanding()).isEqualTo(10);
        } finally {
            set.stop();
        }
    }

    @Test
    void aFullReplicaIsPassedOverAndAFullSetRefuses() {
        ReplicaSet set = replicas(1, 1);
        set.start(3);
        try {
            Map<Replica, Integer> held = new IdentityHashMap<>();
            for (int i = 0; i < 6; i++) {
                Replica r = set.acquire();
                assertThat(r).as("request %d of 6 slots", i + 1).isNotNull();
                held.merge(r, 1, Integer::sum);
            }
            assertThat(held.values()).containsExactly(2, 2, 2);
            assertThat(set.acquire()).isNull();
            assertThat(set.inFlight()).isEqualTo(6);
        } finally {
            set.stop();
        }
    }

    @Test
    void scalingDownDrainsTheLeastLoadedReplicaAndAnswersWhatItHolds() throws Exception {
        ReplicaSet set = replicas(4, 0);
        set.start(2);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            models.forEach(m -> m.gate = gate);
            Map<Replica, List<Future<List<Prediction>>>> running = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                Replica r = set.acquire();
                int x = i;
                running.computeIfAbsent(r, k -> new ArrayList<>()).add(pool.submit(() -> r.run(List.of(Map.of("x", x)))));
            }
            Await.until("3 requests in the models", Duration.ofSeconds(10),
                    () -> models.stream().mapToInt(m -> m.calls.get()).sum() == 3);
            Replica lighter = running.keySet().stream().filter(r -> running.get(r).size() == 1).findFirst().orElseThrow();
            Replica heavier = running.keySet().stream().filter(r -> r != lighter).findFirst().orElseThrow();

            set.scaleTo(1);

            assertThat(set.size()).isEqualTo(1);
            assertThat(lighter.draining()).isTrue();
            assertThat(((ReplicaTest.Recording) lighter.predictor()).closed).isFalse(); // still holds a request
            for (int i = 0; i < 2; i++) {
                assertThat(set.acquire()).isSameAs(heavier);
            }
            gate.countDown();
            double sum = 0;
            for (List<Future<List<Prediction>>> answers : running.values()) {
                for (Future<List<Prediction>> answer : answers) {
                    sum += answer.get().get(0).value();
                }
            }
            assertThat(sum).isEqualTo(0 + 1 + 2);
            assertThat(((ReplicaTest.Recording) lighter.predictor()).closed).isTrue();
            assertThat(((ReplicaTest.Recording) heavier.predictor()).closed).isFalse();
        } finally {
            gate.countDown();
            pool.shutdownNow();
            set.stop();
        }
    }
}
