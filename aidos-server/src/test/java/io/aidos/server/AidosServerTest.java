package io.aidos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.AuthenticationException;
import io.aidos.api.PermissionDeniedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over raw HTTP: route table vs OpenAPI, error bodies, limits, the authentication hook. */
class AidosServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<AuthenticationRequest> SEEN = new CopyOnWriteArrayList<>();
    @TempDir
    static Path temp;
    private static AiDos aidos;
    private static AidosServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Lets "Bearer good" in, refuses "Bearer other" with 403 and everything else with 401. */
    private static Principal authenticate(AuthenticationRequest r) {
        SEEN.add(r);
        Optional<String> token = r.bearerToken();
        if (token.isEmpty()) {
            throw new AuthenticationException("an API key is required");
        }
        if (token.get().equals("other")) {
            throw new PermissionDeniedException("this key may not read");
        }
        if (!token.get().equals("good")) {
            throw new AuthenticationException("unknown API key");
        }
        return new Principal("u1", "ana", null);
    }

    @BeforeAll
    static void start() {
        aidos = AiDos.open("local:" + temp.resolve("store"));
        server = AidosServer.builder(aidos)
                .config(ServerConfig.builder().port(0).maxUploadBytes(1024).maxJsonBytes(4096).build())
                .authenticator(AidosServerTest::authenticate)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
        aidos.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, "good");
    }

    @Test
    void theOpenApiDocumentListsExactlyTheRegisteredRoutes() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
        assertThat(server.routes()).hasSizeGreaterThan(40).contains("POST /api/v1/runs/{run_id}/metrics",
                "GET /api/v1/training/jobs/{job_id}/logs/stream", "GET /api/v1/health");
        // every documented route is served: none answers "no route"
        for (String route : server.routes()) {
            String[] mp = route.split(" ", 2);
            String path = mp[1].replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> probe = send(mp[0], path, mp[0].equals("GET") || mp[0].equals("DELETE") ? null : "{}");
            assertThat(probe.body()).as(route).doesNotContain("no route");
        }
    }

    @Test
    void healthNeedsNoKey() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/health", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theAuthenticatorSeesTheBearerTokenAndDecides() throws Exception {
        assertError(send("GET", "/api/v1/datasets", null, null), 401, "UNAUTHENTICATED");
        assertError(send("GET", "/api/v1/datasets", null, "wrong"), 401, "UNAUTHENTICATED");
        assertError(send("GET", "/api/v1/datasets", null, "other"), 403, "PERMISSION_DENIED");
        assertThat(send("GET", "/api/v1/datasets", null, "good").statusCode()).isEqualTo(200);
        AuthenticationRequest last = SEEN.get(SEEN.size() - 1);
        assertThat(last.bearerToken()).contains("good");
        assertThat(last.path()).isEqualTo("/api/v1/datasets");
        assertThat(last.toString()).doesNotContain("good");
    }

    @Test
    void errorsAreJsonWithCodesAndNoStackTraces() throws Exception {
        assertError(send("GET", "/api/v1/nothing-here", null), 404, "NOT_FOUND");
        JsonNode missing = assertError(send("GET", "/api/v1/datasets/nope", null), 404, "NOT_FOUND");
        assertThat(missing.get("resource_kind").asText()).isEqualTo("dataset");
        assertError(send("POST", "/api/v1/experiments", "{not json"), 400, "INVALID_INPUT");
        JsonNode bad = assertError(send("POST", "/api/v1/experiments", "{\"name\": \" padded \"}"), 400, "INVALID_INPUT");
        assertThat(bad.get("field").asText()).isEqualTo("experiment name");
        assertError(send("GET", "/api/v1/runs/not-a-run", null), 400, "INVALID_INPUT");
        HttpResponse<String> conflict = send("POST", "/api/v1/experiments", "{\"name\": \"dup\"}");
        assertThat(conflict.statusCode()).isEqualTo(201);
        assertError(send("POST", "/api/v1/experiments", "{\"name\": \"dup\"}"), 409, "ALREADY_EXISTS");
        HttpResponse<String> search = send("POST", "/api/v1/runs/search",
                "{\"experiment_names\": [\"dup\"], \"filter\": \"metrics.x >> 1\"}");
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.body()).doesNotContain("at io.aidos").doesNotContain("Exception");
    }

    @Test
    void bodiesOverTheLimitsAre413() throws Exception {
        assertError(send("POST", "/api/v1/datasets/big/versions?create=true&format=csv", "a\n" + "1\n".repeat(2000)),
                413, "PAYLOAD_TOO_LARGE");
        assertError(send("POST", "/api/v1/experiments", "{\"name\": \"" + "x".repeat(5000) + "\"}"), 413,
                "PAYLOAD_TOO_LARGE");
        HttpResponse<String> small = send("POST", "/api/v1/datasets/small/versions?create=true&format=csv&message=m",
                "a,b\n1,x\n2,y\n");
        assertThat(small.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(small.body()).get("row_count").asLong()).isEqualTo(2);
        HttpResponse<String> rows = send("GET", "/api/v1/datasets/small/versions/1/rows?format=jsonl", null);
        assertThat(rows.body()).isEqualTo("[1,\"x\"]\n[2,\"y\"]\n");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() throws Exception {
        String runJson = send("POST", "/api/v1/experiments", "{\"name\": \"idem\", \"if_absent\": true}").body();
        assertThat(runJson).contains("idem");
        String run = JSON.readTree(send("POST", "/api/v1/runs", "{\"experiment_name\": \"idem\"}").body())
                .get("id").asText();
        Supplier<HttpRequest> batch = () -> HttpRequest.newBuilder(URI.create(server.uri() + "/api/v1/runs/" + run
                        + "/metrics")).header("Authorization", "Bearer good").header("Idempotency-Key", "k1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"metrics\": [{\"key\": \"loss\", \"value\": 1, \"step\": 0},"
                        + " {\"key\": \"loss\", \"value\": \"NaN\", \"step\": 1}]}")).build();
        List<Integer> codes = new ArrayList<>();
        codes.add(http.send(batch.get(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> again = http.send(batch.get(), HttpResponse.BodyHandlers.ofString());
        codes.add(again.statusCode());
        assertThat(codes).containsExactly(200, 200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(aidos.experiments().getRun(run).metricHistory("loss")).hasSize(2);
    }

    private static JsonNode assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error_code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }
}
