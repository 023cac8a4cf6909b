package io.aidos.serving;

import io.aidos.api.ConflictException;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentStats;
import io.aidos.api.InvalidInputException;
import io.aidos.api.RollbackPolicy;
import io.aidos.api.Variant;
import io.aidos.api.VariantRole;
import io.aidos.core.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Canary, promote, rollback (by hand and automatic), sticky A/B splits and shadow traffic: rollout calls through the
 * Java API, traffic over HTTP (OIP infer; the answering version is its {@code model_version}).
 */
class RolloutTest extends IrisStoreTest {
    @Test
    void canaryTakesItsShareThenPromoteAndRollback() {
        Deployment d = aidos.deployer().deploy("canary").model("iris", "1").start();
        try {
            aidos.deployer().get("canary").canary("iris", "2", 10);
            assertThat(d.variants()).extracting(Variant::id, Variant::role, Variant::percent)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("iris:1", VariantRole.PRIMARY, 90),
                            org.assertj.core.groups.Tuple.tuple("iris:2", VariantRole.CANARY, 10));
            int n = 4000;
            long toCanary = 0;
            for (int i = 0; i < n; i++) {
                ServingHttp.Answer a = ServingHttp.infer(d, rows.get(i % rows.size()), null);
                assertThat(a.status()).isEqualTo(200);
                toCanary += a.version().equals("2") ? 1 : 0;
            }
            // Binomial(4000, 0.1): mean 400, sd 19; +-5 sd.
            assertThat(toCanary).isBetween(305L, 495L);
            assertThat(d.stats().variants().get("iris:2").requests()).isEqualTo(toCanary);
            assertThat(d.stats().requests()).isEqualTo(n);
            var stats = d.stats();
            for (String id : List.of("iris:1", "iris:2")) {
                var v = stats.variants().get(id);
                assertThat(v.p50()).as(id).isPositive().isLessThanOrEqualTo(v.p95());
                assertThat(v.p95()).as(id).isLessThanOrEqualTo(v.p99());
            }
            // The total is the two variants' latencies merged: each of its percentiles lies between theirs.
            var one = stats.variants().get("iris:1");
            var two = stats.variants().get("iris:2");
            assertThat(stats.total().p95()).isBetween(min(one.p95(), two.p95()), max(one.p95(), two.p95()));
            assertThat(stats.total().p99()).isBetween(min(one.p99(), two.p99()), max(one.p99(), two.p99()));

            d.promote();
            assertThat(d.variants()).singleElement().satisfies(v -> {
                assertThat(v.id()).isEqualTo("iris:2");
                assertThat(v.role()).isEqualTo(VariantRole.PRIMARY);
            });
            long before = d.stats().variants().get("iris:1").requests();
            for (int i = 0; i < 100; i++) {
                assertThat(ServingHttp.infer(d, rows.get(i), null).version()).isEqualTo("2");
            }
            assertThat(d.stats().variants().get("iris:1").requests()).isEqualTo(before); // the old primary is gone

            d.canary("iris", "1", 50);
            d.rollback();
            assertThat(d.variants()).extracting(Variant::id).containsExactly("iris:2");
            assertThat(d.stats().lastEvent()).contains("rolled back").contains("iris:1");
            assertThatThrownBy(d::promote).isInstanceOf(ConflictException.class).hasMessageContaining("no canary");
            assertThatThrownBy(() -> d.canary("iris", "1", 100)).isInstanceOf(InvalidInputException.class);
        } finally {
            d.stop();
        }
    }

    @Test
    void aFailingCanaryIsRolledBackByItself() throws Exception {
        Deployment d = aidos.deployer().deploy("auto-rollback").model("iris", "1")
                .autoRollback(new RollbackPolicy(0.2, Duration.ofSeconds(5), 20, Duration.ofSeconds(30))).start();
        try {
            d.canary("iris", "3", 50); // trained without Petal.Width: every full iris row fails there
            int failures = 0;
            for (int i = 0; i < 200 && d.variants().size() > 1; i++) {
                ServingHttp.Answer a = ServingHttp.infer(d, rows.get(i % rows.size()), null);
                if (a.status() == 400) {
                    assertThat(a.body()).contains("Petal.Width"); // the canary does not know that input
                    failures++;
                }
            }
            Await.until("automatic rollback", Duration.ofSeconds(10), () -> d.variants().size() == 1);
            assertThat(failures).isGreaterThanOrEqualTo(10);
            assertThat(d.variants()).extracting(Variant::id).containsExactly("iris:1");
            assertThat(d.stats().lastEvent()).contains("automatic rollback").contains("error rate")
                    .contains("iris:3");
            for (int i = 0; i < 100; i++) {
                assertThat(ServingHttp.infer(d, rows.get(i), null).status()).isEqualTo(200); // no more failures
            }
            assertThat(d.stats().variants().get("iris:1").errors()).isZero();
        } finally {
            d.stop();
        }
    }

    @Test
    void aSlowCanaryIsRolledBackOnItsP99() throws Exception {
        // Any real request takes longer than 1 µs: the canary's p99 crosses the limit once it has 20 requests.
        Deployment d = aidos.deployer().deploy("slow-canary").model("iris", "1")
                .autoRollback(new RollbackPolicy(1.0, Duration.ofNanos(1000), 20, Duration.ofSeconds(30))).start();
        try {
            d.canary("iris", "2", 50);
            for (int i = 0; i < 400 && d.variants().size() > 1; i++) {
                assertThat(ServingHttp.infer(d, rows.get(i % rows.size()), null).status()).isEqualTo(200);
            }
            Await.until("automatic rollback", Duration.ofSeconds(10), () -> d.variants().size() == 1);
            assertThat(d.stats().lastEvent()).contains("automatic rollback").contains("p99").contains("iris:2");
            assertThat(d.stats().errors()).isZero();
        } finally {
            d.stop();
        }
    }

    @Test
    void splitIsStickyByRoutingKey() {
        Deployment d = aidos.deployer().deploy("ab").model("iris", "1").start();
        try {
            aidos.deployer().get("ab").split(Map.of("1", 50, "2", 50));
            assertThat(d.variants()).extracting(Variant::role).containsOnly(VariantRole.SPLIT);
            Map<String, String> variantOfUser = new HashMap<>();
            for (int user = 0; user < 200; user++) {
                String key = "user-" + user;
                variantOfUser.put(key, ServingHttp.infer(d, rows.get(user % rows.size()), key).version());
            }
            // Each user keeps their variant, whatever row they send.
            for (int round = 1; round <= 3; round++) {
                for (int user = 0; user < 200; user++) {
                    String key = "user-" + user;
                    assertThat(ServingHttp.infer(d, rows.get((user + round) % rows.size()), key).version())
                            .isEqualTo(variantOfUser.get(key));
                }
            }
            long onOne = variantOfUser.values().stream().filter("1"::equals).count();
            assertThat(onOne).isBetween(65L, 135L); // Binomial(200, 0.5): sd 7; +-5 sd
            assertThatThrownBy(() -> d.split(Map.of("1", 50, "2", 40))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("sum to 90");
            d.split(Map.of("2", 100));
            assertThat(d.variants()).extracting(Variant::id, Variant::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("iris:2", VariantRole.PRIMARY));
        } finally {
            d.stop();
        }
    }

    @Test
    void shadowGetsACopyAndItsAnswersAreDiscarded() throws Exception {
        Deployment d = aidos.deployer().deploy("shadowed").model("iris", "1").start();
        try {
            d.shadow("iris", "3", 100); // the shadow fails on every row; callers never see it
            for (int i = 0; i < 300; i++) {
                ServingHttp.Answer a = ServingHttp.infer(d, rows.get(i % rows.size()), null);
                assertThat(a.status()).isEqualTo(200);
                assertThat(a.version()).isEqualTo("1");
            }
            Await.until("shadow requests counted", Duration.ofSeconds(10), () -> {
                var s = d.stats().variants().get("shadow:iris:3");
                return s.requests() + s.rejected() == 300;
            });
            DeploymentStats stats = d.stats();
            assertThat(stats.requests()).isEqualTo(300); // the total counts real traffic only
            assertThat(stats.errors()).isZero();
            var shadow = stats.variants().get("shadow:iris:3");
            assertThat(shadow.requests()).isPositive();
            assertThat(shadow.errors()).isEqualTo(shadow.requests());
            assertThat(stats.variants()).doesNotContainKey("iris:3");
            assertThat(d.variants()).extracting(Variant::role).containsExactly(VariantRole.PRIMARY, VariantRole.SHADOW);
            d.shadow("iris", "3", 0);
            assertThat(d.variants()).extracting(Variant::role).containsExactly(VariantRole.PRIMARY);

            // A share: a quarter of the requests is mirrored.
            d.shadow("iris", "2", 25);
            int n = 1000;
            for (int i = 0; i < n; i++) {
                assertThat(ServingHttp.infer(d, rows.get(i % rows.size()), null).version()).isEqualTo("1");
            }
            long[] last = {-1};
            Await.until("the mirrored requests answered", Duration.ofSeconds(10), () -> {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
                var s = d.stats().variants().get("shadow:iris:2");
                long seen = s.requests() + s.rejected();
                boolean settled = seen == last[0] && s.inFlight() == 0;
                last[0] = seen;
                return settled;
            });
            // Binomial(1000, 0.25): mean 250, sd 13.7; +-5 sd.
            assertThat(last[0]).isBetween(182L, 318L);
            assertThat(d.stats().variants().get("shadow:iris:2").errors()).isZero();
            assertThat(d.stats().requests()).isEqualTo(300 + n);
        } finally {
            d.stop();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
