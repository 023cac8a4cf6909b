package io.aidos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentNotFoundException;
import io.aidos.api.DeploymentStatus;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.Run;
import io.aidos.api.Task;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Action;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import io.aidos.server.internal.auth.IdentityAuthenticator;
import io.aidos.server.internal.mlflow.MlflowApi;
import io.aidos.server.internal.mlflow.MlflowRouteGroup;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two organizations on one server, each with its own user and API key. Organization A is filled through the remote
 * client and the MLflow API; then B calls every {@code /api/v1} route (from the server's route table, so a new
 * route is swept without touching this test) and every MLflow endpoint (from {@link MlflowApi#routes}) with A's
 * ids and names, and must get 404 — never A's data, never a 403 that would tell A's resource exists. Finally B
 * uses the same names for resources of its own, independently of A. Deployments too: B neither sees, predicts with,
 * changes nor stops A's, and its own of the same name runs apart (on its own endpoint).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATASET = "a-secret-dataset";
    private static final String EXPERIMENT = "a-secret-experiment";
    private static final String MODEL = "a-secret-model";
    private static final String ML_EXPERIMENT = "a-secret-mlflow-experiment";
    private static final String ML_MODEL = "a-secret-mlflow-model";
    private static final String ARTIFACT = "model/a-secret.bin";
    private static final String SERVED_MODEL = "a-secret-served-model";
    private static final String DEPLOYMENT = "a-secret-deployment";

    @TempDir
    static Path temp;
    private AiDos backend;
    private AidosServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String keyA;
    private String keyB;
    private String runA;
    private String jobA;
    private String mlExperimentA;
    private String mlRunA;
    private Map<String, byte[]> irisFiles;
    private String endpointA;

    @BeforeAll
    void twoOrganizationsAndAFilledA() throws Exception {
        backend = AiDos.open(AiDosConfig.builder().uri("local:" + temp.resolve("store")).trainingWorkers(0).build());
        Identity identity = Identity.open(((LocalAiDos) backend).database(), IdentityConfig.builder().build());
        keyA = keyOfNewOrganization(identity, "ana@a.example", "org-a");
        keyB = keyOfNewOrganization(identity, "bob@b.example", "org-b");
        server = AidosServer.builder(backend).config(ServerConfig.builder().port(0).build())
                .authenticator(IdentityAuthenticator.withDefaultLimits(identity)).routes(new MlflowRouteGroup())
                .start();

        try (AiDos a = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyA).build())) {
            a.datasets().create(DATASET).fromRows(List.of(Map.of("x", 1.0, "label", "yes"),
                    Map.of("x", 2.0, "label", "no"), Map.of("x", 3.0, "label", "yes"),
                    Map.of("x", 4.0, "label", "no"))).commit("A's rows");
            Run run = a.experiments().getOrCreate(EXPERIMENT).startRun("a-run");
            run.logParam("a-param", "1").setTag("a-tag", "secret").logMetric("loss", 0.5, 1);
            run.logArtifact(ARTIFACT, "A's weights".getBytes(StandardCharsets.UTF_8));
            run.flush();
            runA = run.id();
            a.models().register(MODEL, runA, "model");
            a.models().get(MODEL).setAlias("champion", 1);
            jobA = a.trainer().dataset(DATASET).target("label").task(Task.CLASSIFICATION)
                    .algorithm("logistic-regression").experiment(EXPERIMENT).submit().id();
            irisFiles = IrisModelFiles.train(temp.resolve("scratch"));
            IrisModelFiles.register(a, irisFiles, "a-secret-serving", SERVED_MODEL);
            endpointA = a.deployer().deploy(DEPLOYMENT).model(SERVED_MODEL, "1").start().endpoint().toString();
        }
        mlExperimentA = mlflow(keyA, "POST", "experiments/create", Map.of("name", ML_EXPERIMENT))
                .path("experiment_id").asText();
        mlRunA = mlflow(keyA, "POST", "runs/create", Map.of("experiment_id", mlExperimentA)).path("run")
                .path("info").path("run_id").asText();
        mlflow(keyA, "POST", "runs/log-metric", Map.of("run_id", mlRunA, "key", "acc", "value", 0.9, "timestamp", 1,
                "step", 0));
        mlflow(keyA, "POST", "registered-models/create", Map.of("name", ML_MODEL));
        mlflow(keyA, "POST", "model-versions/create", Map.of("name", ML_MODEL, "source", "runs:/" + mlRunA + "/m",
                "run_id", mlRunA));
        assertThat(mlExperimentA).isNotBlank();
        assertThat(mlRunA).hasSize(32);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private static String keyOfNewOrganization(Identity identity, String email, String orgName) {
        var user = identity.users().register(email, "Tenant-Passphrase-4242");
        var org = identity.organizations().create(orgName, user.id());
        return identity.createApiKey(identity.principalOf(user.id()), org.id(), "test",
                EnumSet.of(Action.READ, Action.WRITE, Action.DELETE), null, "test").secret();
    }

    /** What A owns that B must never see in a successful answer. */
    private List<String> secretsOfA() {
        return List.of(DATASET, EXPERIMENT, MODEL, ML_EXPERIMENT, ML_MODEL, runA, mlRunA, jobA, "A's weights",
                "a-secret", SERVED_MODEL, DEPLOYMENT, endpointA);
    }

    @Test
    @Order(1)
    void everyApiV1RouteAnswers404ToAnotherOrganization() throws Exception {
        List<String> routes = server.routes();
        assertThat(routes).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            String path = fill(template);
            String query = "experiment=" + EXPERIMENT + "&name=loss&path=" + enc(ARTIFACT)
                    + "&fraction=0.5&seed=1&format=jsonl&after=0&wait_ms=1&limit=10";
            HttpResponse<String> r = send(keyB, method, server.uri() + path + "?" + query, bodyFor(template));
            boolean addressesA = !path.equals(template) || ADDRESSING_A.contains(route);
            if (addressesA && r.statusCode() != 404) {
                failures.add(route + " -> " + r.statusCode() + " " + r.body());
            }
            checkNoLeak(route, r, failures);
        }
        assertThat(failures).as("routes that did not answer 404 or leaked A's data").isEmpty();
    }

    /** Routes without path parameters whose query or body names A's resources. */
    private static final List<String> ADDRESSING_A = List.of("GET /api/v1/runs", "POST /api/v1/runs",
            "POST /api/v1/runs/search", "POST /api/v1/training/jobs", "POST /api/v1/training/tuning-jobs");

    private String fill(String template) {
        Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "name" -> template.startsWith("/api/v1/datasets") ? DATASET
                        : template.startsWith("/api/v1/deployments") ? DEPLOYMENT : MODEL;
                case "version" -> "1";
                case "run_id" -> runA;
                case "job_id" -> jobA;
                case "alias" -> "champion";
                default -> throw new AssertionError("no value of A for {" + m.group(1) + "} in " + template
                        + ": teach TenantIsolationTest the new path parameter");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(enc(value)));
        }
        return m.appendTail(out).toString();
    }

    private String bodyFor(String template) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_name", EXPERIMENT);
        body.put("experiment_names", List.of(EXPERIMENT));
        body.put("name", template.equals("/api/v1/experiments") ? "b-own-experiment" : EXPERIMENT);
        body.put("run_id", runA);
        body.put("artifact_path", "model");
        body.put("version", 1);
        body.put("status", "FINISHED");
        body.put("params", Map.of("a-param", "2"));
        body.put("tags", Map.of("a-tag", "overwritten"));
        body.put("metrics", List.of(Map.of("key", "loss", "value", 0.1, "step", 2)));
        body.put("dataset", DATASET);
        body.put("target", "label");
        body.put("algorithm", "logistic-regression");
        body.put("experiment", EXPERIMENT);
        body.put("base", Map.of("dataset", DATASET, "target", "label", "algorithm", "logistic-regression",
                "params", Map.of()));
        body.put("space", List.of(Map.of("name", "epochs", "kind", "INT", "low", 1, "high", 3)));
        body.put("objective", "accuracy");
        body.put("goal", "MAXIMIZE");
        body.put("max_trials", 2);
        body.put("parallelism", 1);
        body.put("strategy", "RANDOM");
        body.put("early_stopping", "NONE");
        return JSON.writeValueAsString(body);
    }

    @Test
    @Order(1)
    void everyMlflowEndpointAnswers404ToAnotherOrganization() throws Exception {
        List<String> endpoints = MlflowApi.routes((LocalAiDos) backend);
        assertThat(endpoints).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1 + MlflowApi.PREFIX.length());
            if (CREATING.contains(path)) {
                continue; // B's own resources; checked in bUsesTheSameNamesIndependently
            }
            HttpResponse<String> r = mlflowRaw(keyB, method, path, mlflowFields());
            boolean search = path.endsWith("/search");
            if (!search && (r.statusCode() != 404 || !r.body().contains("RESOURCE_DOES_NOT_EXIST"))) {
                failures.add(endpoint + " -> " + r.statusCode() + " " + r.body());
            }
            checkNoLeak(endpoint, r, failures);
        }
        assertThat(failures).as("MLflow endpoints that did not answer 404 or leaked A's data").isEmpty();
        // A still has everything B tried to change.
        JsonNode run = mlflow(keyA, "GET", "runs/get", Map.of("run_id", mlRunA));
        assertThat(run.path("run").path("info").path("lifecycle_stage").asText()).isEqualTo("active");
        assertThat(mlflow(keyA, "GET", "experiments/get", Map.of("experiment_id", mlExperimentA)).path("experiment")
                .path("name").asText()).isEqualTo(ML_EXPERIMENT);
    }

    private static final List<String> CREATING = List.of("experiments/create", "registered-models/create");

    private Map<String, Object> mlflowFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("experiment_id", mlExperimentA);
        f.put("experiment_ids", List.of(mlExperimentA));
        f.put("experiment_name", ML_EXPERIMENT);
        f.put("run_id", mlRunA);
        f.put("run_uuid", mlRunA);
        f.put("name", ML_MODEL);
        f.put("version", "1");
        f.put("alias", "champion");
        f.put("key", "acc");
        f.put("metric_key", "acc");
        f.put("value", "1");
        f.put("new_name", "renamed-by-b");
        f.put("description", "changed by b");
        f.put("source", "runs:/" + mlRunA + "/m");
        f.put("status", "KILLED");
        f.put("timestamp", 1);
        f.put("metrics", List.of(Map.of("key", "acc", "value", 0.1, "timestamp", 1, "step", 1)));
        return f;
    }

    @Test
    @Order(9) // after the sweeps: B's same-named resources would answer them
    void bUsesTheSameNamesIndependently() throws Exception {
        try (AiDos b = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyB).build())) {
            assertThat(b.datasets().list()).isEmpty();
            assertThat(b.models().list()).isEmpty();
            assertThat(b.trainer().jobs(100)).isEmpty();
            b.datasets().create(DATASET).fromRows(List.of(Map.of("x", 9.0, "label", "b"))).commit("B's rows");
            Run run = b.experiments().getOrCreate(EXPERIMENT).startRun("b-run");
            run.logArtifact("model/b.bin", "B's weights".getBytes(StandardCharsets.UTF_8));
            b.models().register(MODEL, run.id(), "model");
            assertThat(b.datasets().get(DATASET).latest().rowCount()).isEqualTo(1);
            assertThat(b.experiments().get(EXPERIMENT).runs()).extracting(Run::id).containsExactly(run.id());
            assertThat(b.models().get(MODEL).latestVersion().runId()).isEqualTo(run.id());
        }
        assertThat(mlflow(keyB, "POST", "experiments/create", Map.of("name", ML_EXPERIMENT)).path("experiment_id")
                .asText()).isNotEqualTo(mlExperimentA);
        assertThat(mlflow(keyB, "POST", "registered-models/create", Map.of("name", ML_MODEL)).path("registered_model")
                .path("name").asText()).isEqualTo(ML_MODEL);
        try (AiDos a = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyA).build())) {
            assertThat(a.datasets().get(DATASET).latest().rowCount()).isEqualTo(4);
            assertThat(a.experiments().get(EXPERIMENT).runs()).extracting(Run::id).containsExactly(runA);
            assertThat(a.models().get(MODEL).latestVersion().runId()).isEqualTo(runA);
            assertThat(a.experiments().getRun(runA).params()).containsEntry("a-param", "1");
        }
    }

    private static final Map<String, Double> ROW = Map.of("Sepal.Length", 6.7, "Sepal.Width", 3.0,
            "Petal.Length", 5.2, "Petal.Width", 2.3);

    @Test
    @Order(2) // after the sweep, which tried every deployment route (stop included) on A's deployment as B
    void anotherOrganizationCannotSeeUseOrStopADeployment() throws Exception {
        try (AiDos b = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyB).build())) {
            assertThat(b.deployer().list()).isEmpty();
            assertThat(b.deployer().exists(DEPLOYMENT)).isFalse();
            assertThatThrownBy(() -> b.deployer().get(DEPLOYMENT)).isInstanceOf(DeploymentNotFoundException.class);
            assertThatThrownBy(() -> b.deployer().deploy("b-deployment").model(SERVED_MODEL, "1").start())
                    .isInstanceOf(ModelNotFoundException.class);
        }
        try (AiDos a = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyA).build())) {
            Deployment d = a.deployer().get(DEPLOYMENT);
            assertThat(d.status()).isEqualTo(DeploymentStatus.RUNNING);
            assertThat(d.variants()).extracting(v -> v.id()).containsExactly(SERVED_MODEL + ":1");
            assertThat(d.stats().requests()).as("B's attempts reached none of A's replicas").isZero();
            assertThat(d.predict(ROW).label()).isEqualTo("virginica");
        }
    }

    @Test
    @Order(3) // after anotherOrganizationCannotSeeUseOrStopADeployment, which counts A's requests
    void aDeploymentsInferenceServerAnswersOnlyItsOrganization() throws Exception {
        String split = "{\"dataframe_split\":{\"columns\":[\"Sepal.Length\",\"Sepal.Width\",\"Petal.Length\","
                + "\"Petal.Width\"],\"data\":[[6.7,3.0,5.2,2.3]]}}";
        URI invocations = URI.create(endpointA).resolve("invocations");
        URI metadata = URI.create(endpointA).resolve("/v2/models/" + DEPLOYMENT);
        long before = requestsOfA();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(invocations).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(split)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        HttpResponse<String> byB = http.send(HttpRequest.newBuilder(invocations).header("Content-Type",
                "application/json").header("Authorization", "Bearer " + keyB)
                .POST(HttpRequest.BodyPublishers.ofString(split)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byB.statusCode()).isEqualTo(403);
        assertThat(byB.body()).doesNotContain(DEPLOYMENT);
        HttpResponse<String> metadataByB = http.send(HttpRequest.newBuilder(metadata)
                .header("Authorization", "Bearer " + keyB).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metadataByB.statusCode()).isEqualTo(403);
        assertThat(metadataByB.body()).doesNotContain(SERVED_MODEL);
        HttpResponse<String> wrongKey = http.send(HttpRequest.newBuilder(metadata)
                .header("Authorization", "Bearer aidos_nope_0123456789").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(requestsOfA()).as("no refused call reached A's replicas").isEqualTo(before);

        HttpResponse<String> byA = http.send(HttpRequest.newBuilder(invocations).header("Content-Type",
                "application/json").header("Authorization", "Bearer " + keyA)
                .POST(HttpRequest.BodyPublishers.ofString(split)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byA.statusCode()).as(byA.body()).isEqualTo(200);
        assertThat(byA.body()).isEqualTo("{\"predictions\":[\"virginica\"]}");
        assertThat(requestsOfA()).isEqualTo(before + 1);
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(endpointA).resolve("/v2/health/ready"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).as("health checks need no key").isEqualTo(200);
    }

    private long requestsOfA() throws Exception {
        try (AiDos a = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyA).build())) {
            return a.deployer().get(DEPLOYMENT).stats().requests();
        }
    }

    @Test
    @Order(10) // after bUsesTheSameNamesIndependently, which expects B to have no model yet
    void bDeploysUnderTheSameNameApartFromA() throws Exception {
        try (AiDos b = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyB).build());
             AiDos a = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(keyA).build())) {
            IrisModelFiles.register(b, irisFiles, "b-serving", SERVED_MODEL);
            long requestsOfA = a.deployer().get(DEPLOYMENT).stats().requests();
            Deployment ofB = b.deployer().deploy(DEPLOYMENT).model(SERVED_MODEL, "1").start();
            assertThat(ofB.endpoint().toString()).as("each organization has its own endpoint").isNotEqualTo(endpointA);
            assertThat(ofB.predict(ROW).label()).isEqualTo("virginica");
            ofB.stop();
            Deployment ofA = a.deployer().get(DEPLOYMENT);
            assertThat(ofA.status()).isEqualTo(DeploymentStatus.RUNNING);
            assertThat(ofA.stats().requests()).as("B's prediction went to B's deployment").isEqualTo(requestsOfA);
            ofA.stop();
        }
    }

    @Test
    @Order(1)
    void aKeyCannotActInAnotherOrganization() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/v1/datasets"))
                .header("Authorization", "Bearer " + keyB).header("X-AIDOS-Org", "local").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain(DATASET);
    }

    private void checkNoLeak(String route, HttpResponse<String> r, List<String> failures) {
        if (r.statusCode() == 403) {
            failures.add(route + " -> 403 (tells that A's resource exists): " + r.body());
        }
        if (r.statusCode() >= 500) {
            failures.add(route + " -> " + r.statusCode() + " " + r.body());
        }
        if (r.statusCode() < 300) {
            List<String> leaked = secretsOfA().stream().filter(r.body()::contains).toList();
            if (!leaked.isEmpty()) {
                failures.add(route + " -> " + r.statusCode() + " shows " + leaked + ": " + r.body());
            }
        }
    }

    private HttpResponse<String> send(String key, String method, String url, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .timeout(java.time.Duration.ofSeconds(30));
        if (method.equals("GET") || method.equals("DELETE") && jsonBody == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody == null ? "{}" : jsonBody));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> mlflowRaw(String key, String method, String path, Map<String, Object> fields)
            throws Exception {
        String url = server.uri() + MlflowApi.PREFIX + path;
        if (method.equals("GET")) {
            String query = fields.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> l ? l
                    : List.of(e.getValue())).stream().filter(v -> !(v instanceof Map))
                    .map(v -> e.getKey() + "=" + enc(String.valueOf(v)))).collect(Collectors.joining("&"));
            return send(key, method, url + "?" + query, null);
        }
        return send(key, method, url, JSON.writeValueAsString(fields));
    }

    private JsonNode mlflow(String key, String method, String path, Map<String, Object> fields) throws Exception {
        HttpResponse<String> r = mlflowRaw(key, method, path, fields);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
