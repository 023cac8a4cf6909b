package io.aidos.server.internal.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.AiDosConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw HTTP against the MLflow routes: error bodies and codes, MLflow's limits, paging, deletes. */
class MlflowHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MlflowTestServer server;

    record Answer(int status, JsonNode body) {
        String errorCode() {
            return body.path("error_code").asText();
        }
    }

    @BeforeAll
    static void start(@TempDir Path tempDir) {
        server = new MlflowTestServer(AiDosConfig.builder().uri("local:" + tempDir.resolve("store")).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void creatingAnExistingExperimentIsResourceAlreadyExists() {
        String name = unique("dup");
        assertThat(call("POST", "experiments/create", obj().put("name", name)).status()).isEqualTo(200);
        Answer again = call("POST", "experiments/create", obj().put("name", name));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
        assertThat(again.body().path("message").asText()).contains(name);
    }

    @Test
    void missingThingsAreResourceDoesNotExist() {
        Answer experiment = call("GET", "experiments/get?experiment_id=987654", null);
        assertThat(experiment.status()).isEqualTo(404);
        assertThat(experiment.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        Answer run = call("GET", "runs/get?run_id=" + "0".repeat(32), null);
        assertThat(run.status()).isEqualTo(404);
        assertThat(run.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(call("GET", "registered-models/get?name=nope", null).errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    }

    @Test
    void badRequestsAreInvalidParameterValueOrMalformed() {
        Answer missing = call("POST", "experiments/create", obj());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(missing.body().path("message").asText()).contains("'name'");

        String experimentId = createExperiment();
        Answer filter = call("POST", "runs/search", obj().put("filter", "metrics.acc >> 1")
                .set("experiment_ids", JSON.createArrayNode().add(experimentId)));
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");

        Answer malformed = raw("POST", "experiments/create", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("MALFORMED_REQUEST");

        Answer unknown = call("GET", "experiments/teleport", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");

        assertThat(call("POST", "experiments/search", obj().put("max_results", 50_001)).errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void logBatchEnforcesMlflowLimits() {
        String runId = createRun(createExperiment());
        assertThat(batch(runId, 1001, 0, 0).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(batch(runId, 1001, 0, 0).status()).isEqualTo(400);
        assertThat(batch(runId, 0, 101, 0).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(batch(runId, 0, 0, 101).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        Answer total = batch(runId, 900, 100, 1);
        assertThat(total.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(total.body().path("message").asText()).contains("1001");
        assertThat(batch(runId, 1000, 0, 0).status()).isEqualTo(200);
        assertThat(batch(runId, 800, 100, 100).status()).isEqualTo(200);
        assertThat(server.aidos.experiments().getRun(runId).params()).hasSize(100);
    }

    @Test
    void paramValuesAreBoundedAndImmutable() {
        String runId = createRun(createExperiment());
        Answer tooLong = call("POST", "runs/log-parameter", obj().put("run_id", runId).put("key", "p")
                .put("value", "x".repeat(6001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(call("POST", "runs/log-parameter", obj().put("run_id", runId).put("key", "p")
                .put("value", "x".repeat(6000))).status()).isEqualTo(200);
        Answer changed = call("POST", "runs/log-parameter", obj().put("run_id", runId).put("key", "p").put("value", "y"));
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void metricHistoryPagesWithMaxResultsAndPageToken() {
        String runId = createRun(createExperiment());
        batch(runId, 1000, 0, 0);
        List<Long> steps = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            Answer page = call("GET", "metrics/get-history?run_id=" + runId + "&metric_key=m&max_results=300"
                    + "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null);
            assertThat(page.status()).isEqualTo(200);
            page.body().path("metrics").forEach(m -> steps.add(m.path("step").asLong()));
            token = page.body().path("next_page_token").asText("");
            pages++;
        } while (!token.isEmpty());
        assertThat(pages).isEqualTo(4);
        assertThat(steps).hasSize(1000).isSorted();
        assertThat(call("GET", "metrics/get-history?run_id=" + runId + "&metric_key=m&max_results=25001", null)
                .errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(call("GET", "metrics/get-history?run_id=" + runId + "&metric_key=m&page_token=bogus", null)
                .errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void nonFiniteMetricValuesRoundTrip() {
        String runId = createRun(createExperiment());
        assertThat(call("POST", "runs/log-metric", obj().put("run_id", runId).put("key", "loss").put("value", "NaN")
                .put("timestamp", 1).put("step", 0)).status()).isEqualTo(200);
        JsonNode history = call("GET", "metrics/get-history?run_id=" + runId + "&metric_key=loss", null).body();
        assertThat(history.path("metrics").get(0).path("value").asText()).isEqualTo("NaN");
        assertThat(server.aidos.experiments().getRun(runId).metrics().get("loss")).isNaN();
    }

    @Test
    void deletedModelVersionsKeepTheirNumbersAndModelsDeleteWhole() {
        String runId = createRun(createExperiment());
        String model = unique("m");
        call("POST", "registered-models/create", obj().put("name", model));
        for (int i = 0; i < 2; i++) {
            call("POST", "model-versions/create", obj().put("name", model).put("source", "runs:/" + runId + "/model")
                    .put("run_id", runId));
        }
        call("POST", "registered-models/alias", obj().put("name", model).put("alias", "prod").put("version", "2"));
        assertThat(call("DELETE", "model-versions/delete", obj().put("name", model).put("version", "2")).status())
                .isEqualTo(200);
        assertThat(call("GET", "model-versions/get?name=" + model + "&version=2", null).errorCode())
                .isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(server.aidos.models().get(model).aliases()).isEmpty();
        JsonNode third = call("POST", "model-versions/create", obj().put("name", model)
                .put("source", "runs:/" + runId + "/model").put("run_id", runId)).body();
        assertThat(third.path("model_version").path("version").asText()).isEqualTo("3");
        assertThat(server.aidos.models().get(model).versions()).extracting(v -> v.version()).containsExactly(1, 3);

        Answer description = call("PATCH", "model-versions/update", obj().put("name", model).put("version", "3")
                .put("description", "retrained"));
        assertThat(description.body().path("model_version").path("description").asText()).isEqualTo("retrained");
        Answer search = call("GET", "registered-models/search?filter=" + URLEncoder.encode("name = '" + model + "'",
                StandardCharsets.UTF_8), null);
        assertThat(search.body().path("registered_models")).hasSize(1);

        assertThat(call("DELETE", "registered-models/delete", obj().put("name", model)).status()).isEqualTo(200);
        assertThat(server.aidos.models().exists(model)).isFalse();
        Answer noRun = call("POST", "model-versions/create", obj().put("name", unique("x")).put("source", "s3://b/m"));
        assertThat(noRun.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void defaultExperimentExistsForClientsThatAssumeIt() {
        Answer created = call("POST", "runs/create", obj().put("start_time", 5));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("run").path("info").path("experiment_id").asText()).isEqualTo("0");
        assertThat(call("GET", "experiments/get-by-name?experiment_name=Default", null).body()
                .path("experiment").path("experiment_id").asText()).isEqualTo("0");
        assertThat(call("POST", "experiments/delete", obj().put("experiment_id", "0")).errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
    }

    private Answer batch(String runId, int metrics, int params, int tags) {
        ObjectNode body = obj().put("run_id", runId);
        ArrayNode m = body.putArray("metrics");
        for (int i = 0; i < metrics; i++) {
            m.addObject().put("key", "m").put("value", i).put("timestamp", 1000 + i).put("step", i);
        }
        ArrayNode p = body.putArray("params");
        for (int i = 0; i < params; i++) {
            p.addObject().put("key", "p" + i).put("value", "v");
        }
        ArrayNode t = body.putArray("tags");
        for (int i = 0; i < tags; i++) {
            t.addObject().put("key", "t" + i).put("value", "v");
        }
        return call("POST", "runs/log-batch", body);
    }

    private static String createExperiment() {
        return call("POST", "experiments/create", obj().put("name", unique("e"))).body().path("experiment_id").asText();
    }

    private static String createRun(String experimentId) {
        return call("POST", "runs/create", obj().put("experiment_id", experimentId)).body().path("run").path("info")
                .path("run_id").asText();
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Answer call(String method, String path, JsonNode body) {
        return raw(method, path, body == null ? null : body.toString());
    }

    private static Answer raw(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url + MlflowApi.PREFIX + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }
}
