package io.aidos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AlreadyExistsException;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentDraft;
import io.aidos.api.DeploymentNotFoundException;
import io.aidos.api.DeploymentStatus;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.OverloadedException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.RollbackPolicy;
import io.aidos.api.Task;
import io.aidos.api.Variant;
import io.aidos.core.Await;
import io.aidos.api.VariantRole;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployments through {@code AiDos.open("http://...")}: the same user code as in process, with the models trained
 * on the server's worker through the client, served by the server, answering over its endpoint.
 */
class RemoteDeploymentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path temp;
    private static AiDosConfig client;
    private static AiDos aidos;
    private static List<Map<String, Object>> rows;

    @BeforeAll
    static void trainTwoVersionsRemotely() throws Exception {
        client = ServedStore.serve(AiDosConfig.builder().uri("local:" + temp.resolve("store")).build());
        aidos = AiDos.open(client.toBuilder().artifactRoot(temp.resolve("client")).build());
        Path iris = temp.resolve("iris.csv");
        try (InputStream in = RemoteDeploymentTest.class.getResourceAsStream("/data/iris.csv")) {
            Files.copy(in, iris);
        }
        aidos.datasets().create("iris").fromCsv(iris).commit("import");
        for (String algorithm : List.of("logistic-regression", "cart")) {
            aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION).algorithm(algorithm)
                    .registerAs("iris").submit().await(Duration.ofMinutes(2));
        }
        try (var all = aidos.datasets().get("iris").latest().rows()) {
            rows = all.map(r -> {
                Map<String, Object> m = new LinkedHashMap<>(r.asMap());
                m.remove("Species");
                return m;
            }).toList();
        }
    }

    @AfterAll
    static void stop() {
        aidos.close();
        ServedStore.stop(client);
    }

    @Test
    void deploysPredictsRollsOutAndStopsLikeInProcess() throws Exception {
        DeploymentDraft draft = aidos.deployer().deploy("iris-prod").model("iris", "1").replicas(2)
                .autoRollback(new RollbackPolicy(0.5, Duration.ofSeconds(5), 1000, Duration.ofSeconds(30)));
        Deployment d = draft.start();
        try (Predictor local = aidos.models().load("iris", "1")) {
            assertThat(d.spec()).isEqualTo(draft.spec());
            assertThat(d.status()).isEqualTo(DeploymentStatus.RUNNING);
            assertThat(d.variants()).containsExactly(new Variant("iris:1", "iris", 1, VariantRole.PRIMARY, 100, 2));
            for (Map<String, Object> row : rows) {
                assertThat(d.predict(row)).isEqualTo(local.predict(row));
            }
            assertThat(d.predictAll(rows)).isEqualTo(local.predictAll(rows));
        }
        assertThat(aidos.deployer().list()).extracting(Deployment::name).containsExactly("iris-prod");
        assertThat(aidos.deployer().exists("iris-prod")).isTrue();
        assertThat(d.stats().requests()).isEqualTo(151);
        assertThat(d.stats().total().p99()).isPositive();

        // The endpoint the server reports answers MLflow's scoring protocol.
        HttpResponse<String> scored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(d.endpoint()
                .resolve("invocations")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString(JSON.writeValueAsString(Map.of("dataframe_records", rows.subList(0, 2))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        assertThat(JSON.readTree(scored.body()).get("predictions").get(0).asText()).isEqualTo("setosa");

        Deployment again = aidos.deployer().get("iris-prod");
        again.canary("iris", "2", 30);
        assertThat(d.variants()).extracting(Variant::id, Variant::role, Variant::percent)
                .containsExactlyInAnyOrder(tuple("iris:1", VariantRole.PRIMARY, 70),
                        tuple("iris:2", VariantRole.CANARY, 30));
        again.rollback();
        assertThat(d.variants()).extracting(Variant::id).containsExactly("iris:1");
        again.canary("iris", "2", 10).promote();
        assertThat(d.variants()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("iris:2");
            assertThat(v.role()).isEqualTo(VariantRole.PRIMARY);
        });

        d.split(Map.of("1", 50, "2", 50));
        assertThat(d.variants()).extracting(Variant::role).containsOnly(VariantRole.SPLIT);
        long before1 = requests(d, "iris:1");
        long before2 = requests(d, "iris:2");
        for (int i = 0; i < 20; i++) {
            d.predict(rows.get(i), "user-7");
        }
        long to1 = requests(d, "iris:1") - before1;
        long to2 = requests(d, "iris:2") - before2;
        assertThat(List.of(to1, to2)).as("one routing key sticks to one variant").containsExactlyInAnyOrder(0L, 20L);

        d.split(Map.of("2", 100)).shadow("iris", "1", 100);
        assertThat(d.variants()).extracting(Variant::id, Variant::role).contains(
                tuple("iris:1", VariantRole.SHADOW));
        d.predict(rows.get(0));
        Await.until("a mirrored request counted", Duration.ofSeconds(30), () -> {
            var shadow = d.stats().variants().get("shadow:iris:1");
            return shadow != null && shadow.requests() > 0;
        });
        d.shadow("iris", "1", 0);
        assertThat(d.variants()).extracting(Variant::role).doesNotContain(VariantRole.SHADOW);
        assertThat(d.stats().lastEvent()).isEqualTo("shadow stopped");

        d.stop();
        assertThat(d.status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(aidos.deployer().exists("iris-prod")).isFalse();
        assertThatThrownBy(() -> aidos.deployer().get("iris-prod")).isInstanceOf(DeploymentNotFoundException.class);
        d.stop(); // idempotent
    }

    private static long requests(Deployment d, String variant) {
        var s = d.stats().variants().get(variant);
        return s == null ? 0 : s.requests();
    }


    @Test
    void errorsComeBackAsTheSameExceptionTypes() {
        assertThatThrownBy(() -> aidos.deployer().deploy("bad").model("iris", "1").replicas(0).start())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("replicas"));
        assertThatThrownBy(() -> aidos.deployer().get("nope")).isInstanceOf(DeploymentNotFoundException.class)
                .hasMessageContaining("nope");
        assertThat(aidos.deployer().exists("nope")).isFalse();
        assertThatThrownBy(() -> aidos.deployer().deploy("ghostly").model("ghost", "1").start())
                .isInstanceOf(ModelNotFoundException.class);
        Deployment d = aidos.deployer().deploy("iris-errors").model("iris", "1").start();
        try {
            assertThatThrownBy(() -> aidos.deployer().deploy("iris-errors").model("iris", "1").start())
                    .isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(() -> d.canary("iris", "2", 0)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> {
                        assertThat(e.field()).isEqualTo("canary percent");
                        assertThat(e.value()).isEqualTo("0");
                    });
            assertThatThrownBy(() -> d.split(Map.of("1", 60, "2", 30)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("sum to 90");
            assertThatThrownBy(() -> d.predict(Map.of("Sepal.Length", "tall"))).isInstanceOf(
                    InvalidInputException.class);
        } finally {
            d.stop();
        }
    }

    @Test
    void aFullDeploymentRefusesWithOverloadedException() throws Exception {
        Deployment d = aidos.deployer().deploy("iris-tight").model("iris", "1").maxConcurrency(1).queueCapacity(0)
                .start();
        List<Map<String, Object>> big = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            big.addAll(rows);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            OverloadedException refused = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (refused == null && System.nanoTime() < deadline) {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> d.predictAll(big)));
                }
                for (Future<?> f : calls) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(OverloadedException.class);
                        refused = (OverloadedException) e.getCause();
                    }
                }
            }
            assertThat(refused).as("no request was refused").isNotNull();
            assertThat(refused.deployment()).isEqualTo("iris-tight");
            assertThat(refused.httpStatus()).isEqualTo(429);
            assertThat(d.stats().total().rejected()).isPositive();
            assertThat(d.predictAll(Collections.nCopies(3, rows.get(0)))).hasSize(3); // still serving
        } finally {
            pool.shutdownNow();
            d.stop();
        }
    }
}
