package io.aidos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/deployments} over raw HTTP: the spec's wire shape and defaults, errors, 429, health, restart. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "{\"Sepal.Length\": 6.7, \"Sepal.Width\": 3.0, \"Petal.Length\": 5.2,"
            + " \"Petal.Width\": 2.3}";
    @TempDir
    static Path temp;
    private static AiDos aidos;
    private static AidosServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        TrainedIris.train(temp.resolve("store"));
        open();
    }

    private static void open() {
        aidos = AiDos.open("local:" + temp.resolve("store"));
        server = AidosServer.start(aidos, ServerConfig.builder().port(0).build());
    }

    @AfterAll
    static void stop() {
        server.close();
        aidos.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.uri() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    @Test
    @Order(1)
    void fieldsLeftOutTakeTheDraftsDefaultsAndCamelCaseIsAccepted() throws Exception {
        JsonNode d = ok(send("POST", "/api/v1/deployments", "{\"name\": \"plain\", \"model\": \"iris\", \"version\": 1}"),
                201);
        assertThat(d.get("status").asText()).isEqualTo("RUNNING");
        assertThat(d.get("ready").asBoolean()).isTrue();
        assertThat(d.get("endpoint").asText()).startsWith("http://127.0.0.1:").endsWith("/deployments/plain/");
        JsonNode spec = d.get("spec");
        assertThat(spec.get("version").asText()).isEqualTo("1");
        assertThat(spec.get("replicas").asInt()).isEqualTo(1);
        assertThat(spec.get("max_concurrency").asInt()).isEqualTo(4);
        assertThat(spec.get("queue_capacity").asInt()).isEqualTo(256);
        assertThat(spec.get("autoscaling").get("min").asInt()).isEqualTo(1);
        assertThat(spec.get("autoscaling").get("max").asInt()).isEqualTo(1);
        assertThat(spec.get("batching").get("max_batch_size").asInt()).isEqualTo(1);
        assertThat(spec.get("auto_rollback").get("min_requests").asInt()).isEqualTo(50);
        assertThat(d.get("variants").get(0).get("id").asText()).isEqualTo("iris:1");

        JsonNode camel = ok(send("POST", "/api/v1/deployments", "{\"name\": \"camel\", \"model\": \"iris\","
                + " \"version\": \"2\", \"maxConcurrency\": 2, \"autoscaling\": {\"min\": 1, \"max\": 3,"
                + " \"targetConcurrency\": 5}, \"batching\": {\"maxBatchSize\": 4, \"maxDelayMillis\": 2.5},"
                + " \"autoRollback\": {\"maxErrorRate\": 0.2}}"), 201).get("spec");
        assertThat(camel.get("max_concurrency").asInt()).isEqualTo(2);
        assertThat(camel.get("autoscaling").get("target_concurrency").asInt()).isEqualTo(5);
        assertThat(camel.get("autoscaling").get("stable_window_millis").asLong()).isEqualTo(60_000);
        assertThat(camel.get("batching").get("max_delay_millis").asDouble()).isEqualTo(2.5);
        assertThat(camel.get("auto_rollback").get("max_error_rate").asDouble()).isEqualTo(0.2);
        assertThat(camel.get("auto_rollback").get("max_p99_millis").asLong()).isEqualTo(1000);

        JsonNode predicted = ok(send("POST", "/api/v1/deployments/plain/predict", "{\"rows\": [" + ROW + "]}"), 200);
        assertThat(predicted.get("predictions").get(0).get("label").asText()).isEqualTo("virginica");
        assertThat(predicted.get("predictions").get(0).get("scores")).hasSize(3);
        assertThat(predicted.get("version").asInt()).isEqualTo(1);
        JsonNode list = ok(send("GET", "/api/v1/deployments", null), 200);
        assertThat(list.findValuesAsText("name")).contains("plain", "camel");
        assertThat(ok(send("GET", "/api/v1/deployments/plain/stats", null), 200).get("total").get("requests")
                .asLong()).isEqualTo(1);
        // The organization's inference server also speaks KServe V1 and is scraped for Prometheus metrics.
        URI inference = URI.create(d.get("endpoint").asText()).resolve("/");
        HttpResponse<String> v1 = http.send(HttpRequest.newBuilder(inference.resolve("/v1/models/plain:predict"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + ROW + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok(v1, 200).get("predictions").get(0).asText()).isEqualTo("virginica");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(inference.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("aidos_serving_requests_total{deployment=\"plain\",variant=\"iris:1\"} 2");
        assertThat(ok(send("DELETE", "/api/v1/deployments/camel", null), 200).get("status").asText())
                .isEqualTo("STOPPED");
        assertError(send("GET", "/api/v1/deployments/camel", null), 404, "NOT_FOUND");
    }

    @Test
    @Order(2)
    void badSpecsAndRequestsAre4xxNamingTheFieldAndValue() throws Exception {
        String base = "\"name\": \"bad\", \"model\": \"iris\", \"version\": \"1\"";
        JsonNode unknown = assertError(send("POST", "/api/v1/deployments", "{" + base + ", \"replica\": 2}"), 400,
                "INVALID_INPUT");
        assertThat(unknown.get("field").asText()).isEqualTo("replica");
        JsonNode zero = assertError(send("POST", "/api/v1/deployments", "{" + base + ", \"replicas\": 0}"), 400,
                "INVALID_INPUT");
        assertThat(zero.get("field").asText()).isEqualTo("replicas");
        assertThat(zero.get("value").asText()).isEqualTo("0");
        assertThat(assertError(send("POST", "/api/v1/deployments", "{" + base + ", \"replicas\": \"two\"}"), 400,
                "INVALID_INPUT").get("message").asText()).contains("whole number");
        assertThat(assertError(send("POST", "/api/v1/deployments", "{\"name\": \"bad\", \"version\": \"1\"}"), 400,
                "INVALID_INPUT").get("field").asText()).isEqualTo("model");
        assertThat(assertError(send("POST", "/api/v1/deployments", "{" + base + ", \"autoscaling\": {\"min\": 3,"
                + " \"max\": 1}}"), 400, "INVALID_INPUT").get("field").asText()).isEqualTo("autoscale max");
        assertThat(assertError(send("POST", "/api/v1/deployments", "{" + base + ", \"autoscaling\": {\"mni\": 1}}"),
                400, "INVALID_INPUT").get("field").asText()).isEqualTo("autoscaling.mni");
        assertThat(assertError(send("POST", "/api/v1/deployments", "{\"name\": \"bad\", \"model\": \"ghost\","
                + " \"version\": \"1\"}"), 404, "NOT_FOUND").get("resource_kind").asText()).isEqualTo("model");
        assertError(send("POST", "/api/v1/deployments", "{\"name\": \"plain\", \"model\": \"iris\", \"version\": 1}"),
                409, "ALREADY_EXISTS");
        assertThat(assertError(send("POST", "/api/v1/deployments/plain/predict", "{\"rows\": []}"), 400,
                "INVALID_INPUT").get("field").asText()).isEqualTo("rows");
        assertThat(assertError(send("POST", "/api/v1/deployments/plain/canary", "{\"model\": \"iris\", \"version\":"
                + " \"2\", \"percent\": 100}"), 400, "INVALID_INPUT").get("field").asText()).isEqualTo("canary percent");
        assertError(send("POST", "/api/v1/deployments/plain/promote", null), 409, "CONFLICT");
        assertThat(assertError(send("POST", "/api/v1/deployments/plain/split", "{\"percent_by_version\": {\"1\": 50,"
                + " \"2\": 40}}"), 400, "INVALID_INPUT").get("message").asText()).contains("sum to 90");
        assertThat(assertError(send("GET", "/api/v1/deployments/nope", null), 404, "NOT_FOUND")
                .get("resource_kind").asText()).isEqualTo("deployment");
    }

    @Test
    @Order(3)
    void anOverloadedDeploymentAnswers429WithRetryAfter() throws Exception {
        ok(send("POST", "/api/v1/deployments", "{\"name\": \"tight\", \"model\": \"iris\", \"version\": 1,"
                + " \"max_concurrency\": 1, \"queue_capacity\": 0}"), 201);
        String big = "{\"rows\": [" + String.join(",", java.util.Collections.nCopies(3000, ROW)) + "]}";
        HttpResponse<String> refused = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (refused == null && System.nanoTime() < deadline) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(http.sendAsync(request("POST", "/api/v1/deployments/tight/predict", big),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.join();
                assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
                if (r.statusCode() == 429) {
                    refused = r;
                }
            }
        }
        assertThat(refused).as("no request was refused as overloaded").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        JsonNode body = assertError(refused, 429, "OVERLOADED");
        assertThat(body.get("deployment").asText()).isEqualTo("tight");
        assertThat(ok(send("GET", "/api/v1/deployments/tight/stats", null), 200).get("total").get("rejected")
                .asLong()).isPositive();
    }

    @Test
    @Order(4)
    void healthCountsTheDeploymentsWithoutNamingThem() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/health", null);
        JsonNode deployments = ok(r, 200).get("deployments");
        assertThat(deployments.get("count").asInt()).isEqualTo(2);
        assertThat(deployments.get("ready").asInt()).isEqualTo(2);
        assertThat(r.body()).doesNotContain("plain").doesNotContain("tight");
    }

    @Test
    @Order(5)
    void runningDeploymentsServeAgainWhenTheServerStartsAgain() throws Exception {
        send("DELETE", "/api/v1/deployments/tight", null);
        stop();
        open();
        JsonNode d = ok(send("GET", "/api/v1/deployments/plain", null), 200);
        assertThat(d.get("ready").asBoolean()).isTrue();
        assertThat(ok(send("GET", "/api/v1/health", null), 200).get("deployments").get("count").asInt()).isEqualTo(1);
        JsonNode predicted = ok(send("POST", "/api/v1/deployments/plain/predict", "{\"rows\": [" + ROW + "],"
                + " \"routing_key\": \"user-1\"}"), 200);
        assertThat(predicted.get("predictions").get(0).get("label").asText()).isEqualTo("virginica");
        assertError(send("GET", "/api/v1/deployments/tight", null), 404, "NOT_FOUND");
    }

    private static JsonNode assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error_code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }
}
