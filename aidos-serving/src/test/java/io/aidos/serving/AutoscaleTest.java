package io.aidos.serving;

import io.aidos.api.Autoscaling;
import io.aidos.api.Deployment;
import io.aidos.api.Task;
import io.aidos.core.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autoscaling on in-flight requests, with load from HTTP clients: up under load, back down when idle, draining
 * without failed requests.
 */
class AutoscaleTest extends IrisStoreTest {
    @Test
    void scalesUpUnderLoadAndDownWhenIdle() throws Exception {
        Autoscaling policy = Autoscaling.between(1, 4).withTargetConcurrency(1)
                .withWindows(Duration.ofSeconds(2), Duration.ofMillis(500)).withScaleDownDelay(Duration.ofMillis(500));
        // A 500-tree forest spends far longer on each request than HTTP and JSON do, so the deployment sees about
        // 6 requests in flight on any machine, fast or slow: 6 / target 1 asks for the max, 4.
        aidos.trainer().dataset("iris").target(ServingFixture.TARGET).task(Task.CLASSIFICATION)
                .algorithm("random-forest").params(Map.of("num_trees", 500)).seed(7L).registerAs("iris-forest")
                .submit().await(Duration.ofMinutes(2));
        Deployment d = aidos.deployer().deploy("elastic").model("iris-forest", "1").autoscaling(policy).start();
        assertThat(d.variants().get(0).replicas()).isEqualTo(1);
        List<Map<String, Object>> batch = new ArrayList<>(rows);
        batch.addAll(rows); // 300 rows per request: the model's work per row dwarfs the JSON's
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            for (int c = 0; c < 6; c++) {
                clients.execute(() -> {
                    while (loading.get()) {
                        if (ServingHttp.invocations(d, batch) == 200) {
                            answered.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            Await.until("scale up to 4 replicas", Duration.ofSeconds(30),
                    () -> d.variants().get(0).replicas() == 4);
        } finally {
            loading.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        Await.until("scale down to 1 replica", Duration.ofSeconds(30), () -> d.variants().get(0).replicas() == 1);
        assertThat(failed.get()).isZero();
        assertThat(d.stats().requests()).isEqualTo(answered.get());
        assertThat(d.stats().errors()).isZero();
        d.stop();
    }
}
