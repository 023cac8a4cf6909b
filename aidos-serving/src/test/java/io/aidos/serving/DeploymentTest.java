package io.aidos.serving;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentNotFoundException;
import io.aidos.api.DeploymentStatus;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.OverloadedException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.VariantRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deployments through the Java API: the tour's calls, replicas, errors, overload. */
class DeploymentTest extends IrisStoreTest {
    @Test
    void deployPredictsWhatTheModelPredicts() {
        aidos.models().get("iris").setAlias("production", 1);
        Deployment d = aidos.deployer().deploy("iris-prod").model("iris", "production").replicas(2).start();
        try (Predictor direct = aidos.models().load("iris", "1")) {
            assertThat(d.status()).isEqualTo(DeploymentStatus.RUNNING);
            assertThat(d.variants()).singleElement().satisfies(v -> {
                assertThat(v.id()).isEqualTo("iris:1");
                assertThat(v.role()).isEqualTo(VariantRole.PRIMARY);
                assertThat(v.percent()).isEqualTo(100);
                assertThat(v.replicas()).isEqualTo(2);
            });
            for (Map<String, Object> row : rows) {
                Prediction p = d.predict(row);
                Prediction expected = direct.predict(row);
                assertThat(p.label()).isEqualTo(expected.label());
                assertThat(p.scores()).isEqualTo(expected.scores());
            }
            assertThat(d.predictAll(rows)).hasSize(150);
            assertThat(aidos.deployer().get("iris-prod")).isSameAs(d);
            assertThat(aidos.deployer().list()).extracting(Deployment::name).contains("iris-prod");
            assertThat(d.endpoint().toString()).startsWith("http://127.0.0.1:").endsWith("/deployments/iris-prod/");
            var stats = d.stats();
            assertThat(stats.requests()).isEqualTo(151);
            assertThat(stats.errors()).isZero();
            assertThat(stats.variants()).containsKey("iris:1");
            assertThat(stats.total().p99()).isPositive();
            assertThat(stats.total().p50()).isLessThanOrEqualTo(stats.total().p99());
        } finally {
            d.stop();
        }
        assertThat(d.status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(aidos.deployer().exists("iris-prod")).isFalse();
        assertThatThrownBy(() -> aidos.deployer().get("iris-prod")).isInstanceOf(DeploymentNotFoundException.class);
        assertThatThrownBy(() -> d.predict(rows.get(0))).hasMessageContaining("stopped");
    }

    @Test
    void badInputIsATypedErrorAndCounted() {
        Deployment d = aidos.deployer().deploy("iris-errors").model("iris", "1").start();
        try {
            assertThatThrownBy(() -> d.predict(Map.of("Sepal.Length", 5.0, "colour", "red")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("colour");
            assertThat(d.stats().errors()).isEqualTo(1);
            assertThat(d.predict(rows.get(0)).label()).isEqualTo("setosa");
        } finally {
            d.stop();
        }
    }

    @Test
    void draftsAndNamesAreChecked() {
        assertThatThrownBy(() -> aidos.deployer().deploy("x").model("iris", "1").replicas(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("replicas must be between 1 and 64 but was '0'");
        assertThatThrownBy(() -> aidos.deployer().deploy("x").replicas(1).start())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> aidos.deployer().deploy("x").model("no-such-model", "1").start())
                .isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> aidos.deployer().deploy("x").autoscale(3, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("max");
        // The docs' opening draft: two replicas to start, scaled between 1 and 8 on the default target.
        var spec = aidos.deployer().deploy("iris-prod").model("iris", "1").replicas(2).autoscale(1, 8).spec();
        assertThat(spec.replicas()).isEqualTo(2);
        assertThat(spec.autoscaling()).isEqualTo(io.aidos.api.Autoscaling.between(1, 8));
        assertThat(aidos.deployer().deploy("x").model("iris", "1").autoscale(2, 4, 7).spec().autoscaling()
                .targetConcurrency()).isEqualTo(7);
        Deployment d = aidos.deployer().deploy("twice").model("iris", "1").start();
        try {
            assertThatThrownBy(() -> aidos.deployer().deploy("twice").model("iris", "2").start())
                    .isInstanceOf(AlreadyExistsException.class);
        } finally {
            d.stop();
        }
        // A stopped name can be used again.
        aidos.deployer().deploy("twice").model("iris", "2").start().stop();
    }

    @Test
    void aFullDeploymentRefusesAtOnce() throws Exception {
        Deployment d = aidos.deployer().deploy("iris-small").model("iris", "1").maxConcurrency(1).queueCapacity(0)
                .start();
        List<Map<String, Object>> big = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            big.addAll(rows);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        d.predictAll(big);
                        return "ok";
                    } catch (OverloadedException e) {
                        return "overloaded";
                    }
                }));
            }
            List<String> seen = new ArrayList<>();
            for (Future<String> f : outcomes) {
                seen.add(f.get());
            }
            assertThat(seen).contains("ok", "overloaded");
            assertThat(d.stats().total().rejected()).isEqualTo(Collections.frequency(seen, "overloaded"));
            assertThat(d.stats().requests()).isEqualTo(Collections.frequency(seen, "ok"));

            // Over HTTP the refusal is a 429.
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                statuses.add(pool.submit(() -> ServingHttp.invocations(d, big)));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                codes.add(f.get());
            }
            assertThat(codes).contains(200, 429).containsOnly(200, 429);
        } finally {
            pool.shutdownNow();
            d.stop();
        }
    }

    @Test
    void batchingAnswersEachRequestItsOwnRows() throws Exception {
        Deployment d = aidos.deployer().deploy("iris-batched").model("iris", "1")
                .batching(64, Duration.ofMillis(5)).start();
        List<Prediction> expected;
        try (Predictor direct = aidos.models().load("iris", "1")) {
            expected = direct.predictAll(rows);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int index = i % rows.size();
                checks.add(pool.submit(() -> d.predict(rows.get(index)).equals(expected.get(index))));
            }
            // A bad row in a batch fails only its own request.
            Future<Throwable> bad = pool.submit(() -> {
                try {
                    d.predict(Map.of("nope", 1.0));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            for (Future<Boolean> f : checks) {
                assertThat(f.get()).isTrue();
            }
            assertThat(bad.get()).isInstanceOf(InvalidInputException.class);
            assertThat(d.stats().requests()).isEqualTo(401);
            assertThat(d.stats().errors()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            d.stop();
        }
    }
}
