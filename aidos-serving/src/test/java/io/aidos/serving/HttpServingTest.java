package io.aidos.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.Predictor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every serving endpoint over real HTTP: the Open Inference Protocol v2 and MLflow's scoring protocol. */
class HttpServingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWO_ROWS_SPLIT = "{\"dataframe_split\":{\"columns\":[\"Sepal.Length\",\"Sepal.Width\","
            + "\"Petal.Length\",\"Petal.Width\"],\"data\":[[5.1,3.5,1.4,0.2],[6.7,3.0,5.2,2.3]]}}";

    @TempDir
    static Path temp;
    static AiDos aidos;
    static Deployment d;
    static URI base;
    static HttpClient http = HttpClient.newHttpClient();
    static List<String> expected;

    @BeforeAll
    static void deploy() {
        ServingFixture.trainIris(temp.resolve("store"));
        aidos = ServingFixture.open(temp.resolve("store"));
        d = aidos.deployer().deploy("iris-http").model("iris", "1").start();
        base = d.endpoint().resolve("/");
        try (Predictor p = aidos.models().load("iris", "1")) {
            expected = List.of(p.predict(Map.of("Sepal.Length", 5.1, "Sepal.Width", 3.5, "Petal.Length", 1.4,
                    "Petal.Width", 0.2)).label(), p.predict(Map.of("Sepal.Length", 6.7, "Sepal.Width", 3.0,
                    "Petal.Length", 5.2, "Petal.Width", 2.3)).label());
        }
        assertThat(expected).containsExactly("setosa", "virginica");
    }

    @AfterAll
    static void close() {
        aidos.close();
    }

    @Test
    void openInferenceProtocolHealthAndMetadata() throws Exception {
        assertThat(get("/v2/health/live").statusCode()).isEqualTo(200);
        assertThat(json(get("/v2/health/ready")).get("ready").asBoolean()).isTrue();
        assertThat(json(get("/v2")).get("name").asText()).isEqualTo("aidos-serving");
        JsonNode meta = json(get("/v2/models/iris-http"));
        assertThat(meta.get("name").asText()).isEqualTo("iris-http");
        assertThat(meta.get("versions").get(0).asText()).isEqualTo("1");
        assertThat(meta.get("inputs")).hasSize(4);
        assertThat(meta.get("inputs").get(0).get("name").asText()).isEqualTo("Sepal.Length");
        assertThat(meta.get("inputs").get(0).get("datatype").asText()).isEqualTo("FP64");
        assertThat(meta.get("outputs").findValuesAsText("name")).contains("label", "scores");
        assertThat(get("/v2/models/iris-http/versions/1").statusCode()).isEqualTo(200);
        assertThat(get("/v2/models/iris-http/ready").statusCode()).isEqualTo(200);
        assertThat(get("/v2/models/iris-http/versions/1/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> missing = get("/v2/models/iris-http/versions/9");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).contains("9");
        HttpResponse<String> unknown = get("/v2/models/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("nope");
    }

    @Test
    void openInferenceProtocolInfer() throws Exception {
        String perFeature = "{\"id\":\"req-1\",\"inputs\":["
                + tensor("Sepal.Length", "[5.1,6.7]") + "," + tensor("Sepal.Width", "[3.5,3.0]") + ","
                + tensor("Petal.Length", "[1.4,5.2]") + "," + tensor("Petal.Width", "[0.2,2.3]") + "]}";
        for (String path : List.of("/v2/models/iris-http/infer", "/v2/models/iris-http/versions/1/infer")) {
            HttpResponse<String> r = post(path, perFeature, "application/json");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(body.get("model_name").asText()).isEqualTo("iris-http");
            assertThat(body.get("model_version").asText()).isEqualTo("1");
            assertThat(body.get("id").asText()).isEqualTo("req-1");
            JsonNode label = output(body, "label");
            assertThat(label.get("datatype").asText()).isEqualTo("BYTES");
            assertThat(List.of(label.get("data").get(0).asText(), label.get("data").get(1).asText()))
                    .isEqualTo(expected);
            JsonNode scores = output(body, "scores");
            assertThat(scores.get("shape").get(0).asInt()).isEqualTo(2);
            assertThat(scores.get("shape").get(1).asInt()).isEqualTo(3);
        }
        // One [N, F] tensor in feature order, and only the label asked for.
        String matrix = "{\"inputs\":[{\"name\":\"input\",\"shape\":[2,4],\"datatype\":\"FP32\",\"data\":"
                + "[[5.1,3.5,1.4,0.2],[6.7,3.0,5.2,2.3]]}],\"outputs\":[{\"name\":\"label\"}]}";
        JsonNode body = json(post("/v2/models/iris-http/infer", matrix, "application/json"));
        assertThat(body.get("outputs")).hasSize(1);
        assertThat(output(body, "label").get("data").get(1).asText()).isEqualTo("virginica");
    }

    @Test
    void aVersionInThePathGoesToThatVersionWhileACanaryRuns() throws Exception {
        Deployment canaried = aidos.deployer().deploy("iris-two").model("iris", "1").start();
        try {
            canaried.canary("iris", "2", 50);
            assertThat(json(get("/v2/models/iris-two")).get("versions").toString()).isEqualTo("[\"1\",\"2\"]");
            assertThat(json(get("/v2/models/iris-two/versions/2")).get("versions").toString()).isEqualTo("[\"2\"]");
            assertThat(json(get("/v2/models/iris-two/versions/2/ready")).get("ready").asBoolean()).isTrue();
            assertBad(get("/v2/models/iris-two/versions/3/ready"), 404, "iris-two/3");
            assertBad(post("/v2/models/iris-two/versions/3/infer", "{}", "application/json"), 404, "iris-two/3");
            String body = "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP64\","
                    + "\"data\":[6.7,3.0,5.2,2.3]}]}";
            java.util.Set<String> unpinned = new java.util.HashSet<>();
            for (int i = 0; i < 40; i++) {
                for (String v : List.of("1", "2")) {
                    JsonNode answer = json(post("/v2/models/iris-two/versions/" + v + "/infer", body,
                            "application/json"));
                    assertThat(answer.get("model_version").asText()).as(answer.toString()).isEqualTo(v);
                }
                unpinned.add(json(post("/v2/models/iris-two/infer", body, "application/json"))
                        .get("model_version").asText());
            }
            // 40 routed requests at 50 %: both versions answer (each misses all 40 with probability 2^-40).
            assertThat(unpinned).containsExactlyInAnyOrder("1", "2");
        } finally {
            canaried.stop();
        }
    }

    @Test
    void badRequestsGetA4xxNamingTheProblemAndTheServerStaysHealthy() throws Exception {
        String path = "/v2/models/iris-http/infer";
        String others = "," + tensor("Sepal.Width", "[3.5,3.0]") + "," + tensor("Petal.Length", "[1.4,5.2]") + ","
                + tensor("Petal.Width", "[0.2,2.3]") + "]}";
        assertBad(post(path, "{\"inputs\":[" + tensor("Sepal.Length", "[5.1,6.7,1.0]") + others, "application/json"),
                400, "Sepal.Length", "shape");
        assertBad(post(path, "{\"inputs\":[" + tensor("Sepal.Length", "[5.1,6.7]").replace("[2]", "[2,3]") + others,
                "application/json"), 400, "Sepal.Length", "shape [2, 3]");
        assertBad(post(path, "{\"inputs\":[{\"name\":\"Sepal.Length\",\"shape\":[2],\"datatype\":\"BYTES\","
                + "\"data\":[\"tall\",\"short\"]}" + others, "application/json"), 400, "Sepal.Length", "BYTES", "FP64");
        assertBad(post(path, "{\"inputs\":[{\"name\":\"Sepal.Length\",\"shape\":[2],\"datatype\":\"FP128\","
                + "\"data\":[5.1,6.7]}" + others, "application/json"), 400, "FP128");
        assertBad(post(path, "{\"inputs\":[" + tensor("Sepal.Length", "[5.1]").replace("[2]", "[1]") + "]}",
                "application/json"), 400, "Sepal.Width");
        assertBad(post(path, "{\"inputs\": [", "application/json"), 400, "malformed");
        assertBad(post("/v2/models/nope/infer", "{}", "application/json"), 404, "nope");

        // A 100 MB body is refused from its declared length, before it is sent or read.
        String tooLarge = rawPost(path, "Content-Length: " + (100L << 20), null);
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("larger than the limit");
        // A body without a declared length is cut off at the limit (16 MiB by default) while it streams in.
        String chunked = rawPost(path, "Transfer-Encoding: chunked", new byte[20 << 20]);
        assertThat(chunked).startsWith("HTTP/1.1 413");
        assertThat(get("/v2/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> ok = post("/deployments/iris-http/invocations", TWO_ROWS_SPLIT, "application/json");
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void mlflowScoringProtocol() throws Exception {
        for (String prefix : List.of("/deployments/iris-http", "")) {
            assertThat(get(prefix + "/ping").statusCode()).isEqualTo(200);
            assertThat(get(prefix + "/health").statusCode()).isEqualTo(200);
            assertThat(get(prefix + "/version").body()).isNotBlank();
            String records = "{\"dataframe_records\":[{\"Sepal.Length\":5.1,\"Sepal.Width\":3.5,\"Petal.Length\":1.4,"
                    + "\"Petal.Width\":0.2},{\"Sepal.Length\":6.7,\"Sepal.Width\":3.0,\"Petal.Length\":5.2,"
                    + "\"Petal.Width\":2.3}]}";
            String instances = records.replace("dataframe_records", "instances");
            String inputs = "{\"inputs\":{\"Sepal.Length\":[5.1,6.7],\"Sepal.Width\":[3.5,3.0],\"Petal.Length\":[1.4,5.2],"
                    + "\"Petal.Width\":[0.2,2.3]}}";
            for (String body : List.of(TWO_ROWS_SPLIT, records, instances, inputs)) {
                HttpResponse<String> r = post(prefix + "/invocations", body, "application/json");
                assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(200);
                assertThat(predictions(r)).isEqualTo(expected);
            }
            String csv = "Sepal.Length,Sepal.Width,Petal.Length,Petal.Width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n";
            HttpResponse<String> r = post(prefix + "/invocations", csv, "text/csv");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(predictions(r)).isEqualTo(expected);
        }
        HttpResponse<String> neither = post("/invocations", "{\"rows\":[]}", "application/json");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(json(neither).get("error_code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(json(neither).get("message").asText()).contains("dataframe_split");
        HttpResponse<String> unknownColumn = post("/invocations", TWO_ROWS_SPLIT.replace("Petal.Width", "colour"),
                "application/json");
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(json(unknownColumn).get("message").asText()).contains("colour");
        assertThat(post("/invocations", "5.1 3.5", "text/plain").statusCode()).isEqualTo(415);
    }

    @Test
    void kserveV1Protocol() throws Exception {
        assertThat(json(get("/v1/models")).get("models").toString()).contains("\"iris-http\"");
        assertThat(get("/v1/models/iris-http").body()).isEqualTo("{\"name\":\"iris-http\",\"ready\":true}");
        String lists = "{\"instances\":[[5.1,3.5,1.4,0.2],[6.7,3.0,5.2,2.3]]}";
        String records = "{\"instances\":[{\"Sepal.Length\":5.1,\"Sepal.Width\":3.5,\"Petal.Length\":1.4,"
                + "\"Petal.Width\":0.2}]}";
        HttpResponse<String> predicted = post("/v1/models/iris-http:predict", lists, "application/json");
        assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
        assertThat(predictions(predicted)).isEqualTo(expected);
        assertThat(predictions(post("/v1/models/iris-http:predict", records, "application/json")))
                .containsExactly(expected.get(0));

        HttpResponse<String> explain = post("/v1/models/iris-http:explain", lists, "application/json");
        assertThat(explain.statusCode()).isEqualTo(404);
        assertThat(json(explain).get("error").asText()).contains("/v1/models/NAME:predict");
        HttpResponse<String> unknown = post("/v1/models/nope:predict", lists, "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("nope");
        assertThat(get("/v1/models/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = post("/v1/models/iris-http:predict", "{\"instances\":[[5.1,3.5]]}",
                "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).isNotBlank();
    }

    @Test
    void prometheusMetricsCountWhatStatsCounts() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(post("/invocations", TWO_ROWS_SPLIT, "application/json").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> page = get("/metrics");
        var stats = d.stats().variants().get("iris:1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        String labels = "{deployment=\"iris-http\",variant=\"iris:1\"}";
        Map<String, Double> samples = new java.util.HashMap<>();
        for (String line : page.body().split("\n")) {
            if (!line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        assertThat(page.body()).contains("# TYPE aidos_serving_request_duration_seconds histogram");
        assertThat(samples.get("aidos_serving_requests_total" + labels)).isEqualTo((double) stats.requests())
                .isGreaterThanOrEqualTo(5);
        assertThat(samples.get("aidos_serving_request_errors_total" + labels)).isEqualTo((double) stats.errors());
        assertThat(samples.get("aidos_serving_replicas" + labels)).isEqualTo(1);
        String count = "aidos_serving_request_duration_seconds_count" + labels;
        assertThat(samples.get(count)).isEqualTo((double) stats.requests());
        assertThat(samples.get("aidos_serving_request_duration_seconds_sum" + labels)).isPositive();
        String buckets = "aidos_serving_request_duration_seconds_bucket{deployment=\"iris-http\",variant=\"iris:1\",le=";
        double previous = 0;
        for (String le : List.of("0.0005", "0.001", "0.005", "0.1", "1", "10", "+Inf")) {
            double cumulative = samples.get(buckets + "\"" + le + "\"}");
            assertThat(cumulative).as("le=%s", le).isGreaterThanOrEqualTo(previous);
            previous = cumulative;
        }
        assertThat(previous).isEqualTo(samples.get(count));
    }

    private static List<String> predictions(HttpResponse<String> r) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        json(r).get("predictions").forEach(p -> out.add(p.asText()));
        return out;
    }

    /**
     * POSTs with a raw socket, so the test controls what is sent: the headers, then (chunked, from another thread, as
     * long as the server reads) {@code body}. Returns the response head and body as text.
     */
    private static String rawPost(String path, String lengthHeader, byte[] body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + lengthHeader + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = null;
            if (body != null) {
                writer = new Thread(() -> {
                    try {
                        for (int from = 0; from < body.length; from += 65536) {
                            int n = Math.min(65536, body.length - from);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                            out.write(body, from, n);
                            out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closedByServer) {
                        // the server answered and closed before the whole body was sent: expected past the limit
                    }
                });
                writer.start();
            }
            byte[] response = socket.getInputStream().readAllBytes();
            if (writer != null) {
                writer.join(30_000);
            }
            return new String(response, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** What Triton's HTTP client sends by default: binary inputs after the JSON, binary outputs asked for. */
    @Test
    void tritonsBinaryTensorDataGoesBothWays() throws Exception {
        java.nio.ByteBuffer rows = java.nio.ByteBuffer.allocate(2 * 4 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {5.1f, 3.5f, 1.4f, 0.2f, 6.7f, 3.0f, 5.2f, 2.3f}) {
            rows.putFloat(v);
        }
        byte[] head = ("{\"inputs\":[{\"name\":\"x\",\"shape\":[2,4],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":32}}],\"parameters\":{\"binary_data_output\":true}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(head, head.length + 32);
        System.arraycopy(rows.array(), 0, body, head.length, 32);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve("/v2/models/iris-http/infer"))
                .header("Content-Type", "application/octet-stream")
                .header("Inference-Header-Content-Length", Integer.toString(head.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/octet-stream"));
        int jsonLength = Integer.parseInt(r.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
        JsonNode answer = JSON.readTree(java.util.Arrays.copyOf(r.body(), jsonLength));
        JsonNode label = output(answer, "label");
        assertThat(label.has("data")).isFalse();
        java.nio.ByteBuffer tail = java.nio.ByteBuffer.wrap(r.body(), jsonLength, r.body().length - jsonLength)
                .slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] text = new byte[tail.getInt()];
            tail.get(text);
            labels.add(new String(text, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(labels).isEqualTo(expected);
        assertThat(label.get("parameters").get("binary_data_size").asInt())
                .isEqualTo(8 + expected.get(0).length() + expected.get(1).length());
        int scoresSize = output(answer, "scores").get("parameters").get("binary_data_size").asInt();
        assertThat(tail.remaining()).isEqualTo(scoresSize).isEqualTo(2 * 3 * 8);

        HttpResponse<String> lying = http.send(HttpRequest.newBuilder(base.resolve("/v2/models/iris-http/infer"))
                .header("Inference-Header-Content-Length", "many")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertBad(lying, 400, "Inference-Header-Content-Length", "whole number");
        assertThat(json(get("/v2")).get("extensions").toString()).isEqualTo("[\"binary_tensor_data\"]");
    }

    private static void assertBad(HttpResponse<String> r, int status, String... mentions) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).contains(mentions);
    }

    private static String tensor(String name, String data) {
        return "{\"name\":\"" + name + "\",\"shape\":[2],\"datatype\":\"FP64\",\"data\":" + data + "}";
    }

    private static JsonNode output(JsonNode body, String name) {
        for (JsonNode o : body.get("outputs")) {
            if (o.get("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no output " + name + " in " + body);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
