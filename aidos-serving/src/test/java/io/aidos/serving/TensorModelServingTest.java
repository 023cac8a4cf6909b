package io.aidos.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.Prediction;
import io.aidos.api.Run;
import io.aidos.api.TrainingResult;
import io.aidos.api.Task;
import io.aidos.serving.internal.predictor.onnx.SklearnGraphs;
import io.aidos.serving.internal.predictor.torchscript.TorchScriptFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Outside model files (ONNX, TorchScript) registered as versions, deployed and called over both protocols. */
class TensorModelServingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float[][] W = {{1, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 0, 3}};
    private static final float[] B = {0.5f, 0, -1};

    @TempDir
    static Path temp;
    static AiDos aidos;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void store() throws Exception {
        aidos = ServingFixture.open(temp.resolve("store"));
        Path ts = TorchScriptFixtures.linear(W, B, temp.resolve("linear.pt"));
        registerOutside("linear-ts", "linear.pt", ts);
        Path csv = temp.resolve("iris.csv");
        try (InputStream in = TensorModelServingTest.class.getResourceAsStream("/data/iris.csv")) {
            java.nio.file.Files.copy(in, csv);
        }
        aidos.datasets().create("iris").fromCsv(csv).commit("iris");
        TrainingResult trained = aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                .algorithm("logistic-regression").submit().await(Duration.ofMinutes(2));
        byte[] onnx;
        try (InputStream in = trained.run().openArtifact("model/model.onnx")) {
            onnx = in.readAllBytes();
        }
        registerOutside("iris-onnx", "iris.onnx", onnx);
    }

    @AfterAll
    static void close() {
        aidos.close();
    }

    @Test
    void torchScriptOverBothProtocols() throws Exception {
        Deployment d = aidos.deployer().deploy("linear").model("linear-ts", "1").replicas(2).start();
        try {
            URI base = d.endpoint().resolve("/");
            JsonNode meta = JSON.readTree(get(base.resolve("/v2/models/linear")).body());
            assertThat(meta.get("platform").asText()).isEqualTo("aidos_tensor");
            assertThat(meta.get("inputs").get(0).get("name").asText()).isEqualTo("input0");

            String infer = "{\"inputs\":[{\"name\":\"input0\",\"shape\":[2,4],\"datatype\":\"FP32\","
                    + "\"data\":[1,2,3,4,0,0,0,1]}]}";
            HttpResponse<String> r = post(base.resolve("/v2/models/linear/infer"), infer);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode scores = output(JSON.readTree(r.body()), "scores");
            assertThat(scores.get("shape").toString()).isEqualTo("[2,3]");
            // x·Wᵀ+b: row 1 = [1.5, 4, 11], row 2 = [0.5, 0, 2]
            double[] expected = {1.5, 4, 11, 0.5, 0, 2};
            for (int i = 0; i < expected.length; i++) {
                assertThat(scores.get("data").get(i).asDouble()).isCloseTo(expected[i], within(1e-5));
            }
            assertThat(output(JSON.readTree(r.body()), "label").get("data").toString()).isEqualTo("[\"2\",\"2\"]");

            HttpResponse<String> mlflow = post(d.endpoint().resolve("invocations"),
                    "{\"inputs\":[[3,0,0,0],[0,5,0,0]]}");
            assertThat(mlflow.statusCode()).as(mlflow.body()).isEqualTo(200);
            assertThat(JSON.readTree(mlflow.body()).get("predictions").toString()).isEqualTo("[\"0\",\"1\"]");

            HttpResponse<String> wrong = post(base.resolve("/v2/models/linear/infer"), infer.replace("[2,4]", "[2,3]")
                    .replace("1,2,3,4,0,0,0,1", "1,2,3,4,0,0"));
            assertThat(wrong.statusCode()).isEqualTo(400);
        } finally {
            d.stop();
        }
    }

    @Test
    void onnxDeploymentAnswersLikeItsPredictor() throws Exception {
        Deployment d = aidos.deployer().deploy("iris-onnx").model("iris-onnx", "1").start();
        try (var direct = aidos.models().load("iris-onnx", "1")) {
            float[] row = {0.1f, -0.3f, 1.2f, 0.4f};
            Prediction expected = direct.predict(Map.of("input", row));
            assertThat(d.predict(Map.of("input", row))).isEqualTo(expected);
            String infer = "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\","
                    + "\"data\":[0.1,-0.3,1.2,0.4]}]}";
            HttpResponse<String> r = post(d.endpoint().resolve("/v2/models/iris-onnx/infer"), infer);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(output(body, "label").get("data").get(0).asText()).isEqualTo(expected.label());
            JsonNode scores = output(body, "scores").get("data");
            for (int k = 0; k < 3; k++) {
                assertThat(scores.get(k).asDouble()).isCloseTo(expected.scores().get(String.valueOf(k)),
                        within(1e-6));
            }
        } finally {
            d.stop();
        }
    }

    @Test
    void aScikitLearnExportAnswersItsClassNamesAndProbabilities() throws Exception {
        byte[] graph = SklearnGraphs.logisticRegression(W, B, List.of("setosa", "versicolor", "virginica"),
                SklearnGraphs.Probabilities.ZIPMAP);
        registerOutside("sklearn-iris", "sklearn.onnx", graph);
        Deployment d = aidos.deployer().deploy("sklearn-iris").model("sklearn-iris", "1").start();
        try {
            String infer = "{\"inputs\":[{\"name\":\"float_input\",\"shape\":[2,4],\"datatype\":\"FP32\","
                    + "\"data\":[0,0,0,2,1,0,0,0]}]}";
            HttpResponse<String> r = post(d.endpoint().resolve("/v2/models/sklearn-iris/infer"), infer);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(output(body, "label").get("data").toString()).isEqualTo("[\"virginica\",\"setosa\"]");
            JsonNode scores = output(body, "scores");
            assertThat(scores.get("parameters").get("labels").toString())
                    .isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
            // softmax(x·Wᵀ+b): row 1 scores [0.5, 0, 5], row 2 [1.5, 0, -1]
            double[][] z = {{0.5, 0, 5}, {1.5, 0, -1}};
            for (int row = 0; row < 2; row++) {
                double sum = Math.exp(z[row][0]) + Math.exp(z[row][1]) + Math.exp(z[row][2]);
                for (int c = 0; c < 3; c++) {
                    assertThat(scores.get("data").get(row * 3 + c).asDouble())
                            .isCloseTo(Math.exp(z[row][c]) / sum, within(1e-6));
                }
            }
            HttpResponse<String> mlflow = post(d.endpoint().resolve("invocations"),
                    "{\"inputs\":[[0,3,0,0],[0,0,0,2]]}");
            assertThat(mlflow.statusCode()).as(mlflow.body()).isEqualTo(200);
            assertThat(JSON.readTree(mlflow.body()).get("predictions").toString())
                    .isEqualTo("[\"versicolor\",\"virginica\"]");
            // Metadata lists what an answer holds, so a client may ask for any output it lists.
            JsonNode meta = JSON.readTree(get(d.endpoint().resolve("/v2/models/sklearn-iris")).body());
            assertThat(meta.get("outputs").findValuesAsText("name")).containsExactly("label", "scores");
            HttpResponse<String> scoresOnly = post(d.endpoint().resolve("/v2/models/sklearn-iris/infer"),
                    infer.replace("{\"inputs\"", "{\"outputs\":[{\"name\":\"scores\"}],\"inputs\""));
            assertThat(scoresOnly.statusCode()).as(scoresOnly.body()).isEqualTo(200);
            assertThat(JSON.readTree(scoresOnly.body()).get("outputs").findValuesAsText("name"))
                    .containsExactly("scores");
        } finally {
            d.stop();
        }
    }

    @Test
    void aClassifierThatAnswersLabelsOnlyAnswersLabelsOverBothProtocols() throws Exception {
        byte[] graph = SklearnGraphs.logisticRegression(W, B, List.of(10L, 12L, 14L),
                SklearnGraphs.Probabilities.NONE);
        registerOutside("labels-only", "labels.onnx", graph);
        Deployment d = aidos.deployer().deploy("labels-only").model("labels-only", "1").start();
        try {
            String infer = "{\"inputs\":[{\"name\":\"float_input\",\"shape\":[2,4],\"datatype\":\"FP32\","
                    + "\"data\":[0,0,0,2,0,3,0,0]}]}";
            HttpResponse<String> r = post(d.endpoint().resolve("/v2/models/labels-only/infer"), infer);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode outputs = JSON.readTree(r.body()).get("outputs");
            assertThat(outputs).hasSize(1);
            assertThat(output(JSON.readTree(r.body()), "label").get("data").toString()).isEqualTo("[\"14\",\"12\"]");
            HttpResponse<String> mlflow = post(d.endpoint().resolve("invocations"), "{\"inputs\":[[0,0,0,2]]}");
            assertThat(mlflow.body()).isEqualTo("{\"predictions\":[\"14\"]}");
        } finally {
            d.stop();
        }
    }

    @Test
    void aScikitLearnPipelineTakesItsStringColumnOverBothProtocols() throws Exception {
        registerOutside("houses", "houses.onnx", SklearnGraphs.housePricePipeline());
        Deployment d = aidos.deployer().deploy("houses").model("houses", "1").start();
        try {
            JsonNode meta = JSON.readTree(get(d.endpoint().resolve("/v2/models/houses")).body());
            assertThat(meta.get("inputs").get(1).toString())
                    .isEqualTo("{\"name\":\"city\",\"datatype\":\"BYTES\",\"shape\":[-1,1]}");
            String infer = "{\"inputs\":[{\"name\":\"rooms\",\"shape\":[2,1],\"datatype\":\"FP32\",\"data\":[3,2]},"
                    + "{\"name\":\"city\",\"shape\":[2,1],\"datatype\":\"BYTES\",\"data\":[\"Paris\",\"Lyon\"]}]}";
            HttpResponse<String> r = post(d.endpoint().resolve("/v2/models/houses/infer"), infer);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            // 10 rooms + 100 code + 1, Paris 2 and Lyon 1
            assertThat(output(JSON.readTree(r.body()), "variable").get("data").toString()).isEqualTo("[231.0,121.0]");
            HttpResponse<String> records = post(d.endpoint().resolve("invocations"),
                    "{\"dataframe_records\":[{\"rooms\":1,\"city\":\"Oslo\"}]}");
            assertThat(records.body()).isEqualTo("{\"predictions\":[-89.0]}");
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(d.endpoint().resolve("invocations"))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                            "rooms,city\n4,Lyon\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(csv.body()).isEqualTo("{\"predictions\":[141.0]}");
            HttpResponse<String> wrong = post(d.endpoint().resolve("/v2/models/houses/infer"),
                    infer.replace("\"Lyon\"", "5"));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("input 'city' must hold strings");
        } finally {
            d.stop();
        }
    }

    @Test
    void aDjlTrainedMlpAnswersBatchedRequestsLikeItsPredictor() throws Exception {
        aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION).algorithm("mlp")
                .param("epochs", 5).param("batch_size", 16).registerAs("iris-mlp").submit().await(Duration.ofMinutes(5));
        List<Map<String, Object>> rows = ServingFixture.irisRows(aidos);
        List<Prediction> expected = new ArrayList<>();
        try (var direct = aidos.models().load("iris-mlp", "1")) {
            rows.forEach(row -> expected.add(direct.predict(row)));
        }
        Deployment d = aidos.deployer().deploy("iris-mlp").model("iris-mlp", "1").maxConcurrency(2)
                .batching(16, Duration.ofMillis(5)).start();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int offset = c * 19;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < rows.size(); i++) {
                        int at = (offset + i) % rows.size();
                        ServingHttp.Answer a = ServingHttp.infer(d, rows.get(at), null);
                        assertThat(a.status()).as(a.body()).isEqualTo(200);
                        assertThat(a.label()).as("row %d", at).isEqualTo(expected.get(at).label());
                        JsonNode body = JSON.readTree(a.body());
                        JsonNode labels = output(body, "scores").get("parameters").get("labels");
                        JsonNode scores = output(body, "scores").get("data");
                        for (int k = 0; k < labels.size(); k++) {
                            assertThat(scores.get(k).asDouble()).as("row %d", at)
                                    .isCloseTo(expected.get(at).scores().get(labels.get(k).asText()), within(1e-5));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            assertThat(d.stats().requests()).isEqualTo(8L * rows.size());
            assertThat(d.stats().errors()).isZero();
        } finally {
            clients.shutdownNow();
            d.stop();
        }
    }

    /** Registers {@code bytes} as version 1 of {@code model}: an outside file logged to a run as {@code file}. */
    private static void registerOutside(String model, String file, byte[] bytes) {
        try (Run run = aidos.experiments().getOrCreate("outside").startRun()) {
            run.logArtifact(file, bytes);
            aidos.models().register(model, run.id(), file);
        }
    }

    private static void registerOutside(String model, String file, Path path) throws Exception {
        registerOutside(model, file, java.nio.file.Files.readAllBytes(path));
    }

    private static JsonNode output(JsonNode body, String name) {
        for (JsonNode o : body.get("outputs")) {
            if (o.get("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no output " + name + " in " + body);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
