package io.aidos.client;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AuthenticationException;
import io.aidos.api.PermissionDeniedException;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import io.aidos.server.cli.AidosCli;
import io.aidos.server.internal.auth.IdentityAuthenticator;
import io.aidos.server.internal.mlflow.MlflowRouteGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server as {@code aidos server} runs it: API keys made with {@code aidos keys create} on the store, checked on
 * every request of the AI-DOS and MLflow APIs; a viewer's key reads but cannot write.
 */
class AuthenticatedServerTest {
    @TempDir
    Path temp;

    private String key(String store, String email, String role) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AidosCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "keys", "create",
                "--store", store, "--email", email, "--role", role);
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("shown only this once").doesNotContain(out.toString().strip());
        return out.toString().strip();
    }

    @Test
    void keysAreCheckedOnEveryApiAndRolesDecideWhatTheyMayDo() throws Exception {
        String store = "local:" + temp.resolve("store");
        String owner = key(store, "ana@example.com", "owner");
        String viewer = key(store, "vic@example.com", "viewer");
        assertThat(owner).startsWith("aidos_");

        try (AiDos backend = AiDos.open(AiDosConfig.builder().uri(store).trainingWorkers(0).build())) {
            Identity identity = Identity.open(((LocalAiDos) backend).database(), IdentityConfig.builder().build());
            try (AidosServer server = AidosServer.builder(backend).config(ServerConfig.builder().port(0).build())
                    .authenticator(IdentityAuthenticator.withDefaultLimits(identity))
                    .routes(new MlflowRouteGroup()).start()) {
                try (AiDos anonymous = AiDos.open(server.uri())) {
                    assertThatThrownBy(() -> anonymous.datasets().list()).isInstanceOf(AuthenticationException.class);
                }
                try (AiDos forged = AiDos.open(AiDosConfig.builder().uri(server.uri())
                        .apiKey(owner.substring(0, owner.length() - 4) + "abcd").build())) {
                    assertThatThrownBy(() -> forged.datasets().list()).isInstanceOf(AuthenticationException.class);
                }
                try (AiDos ana = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(owner).build())) {
                    ana.datasets().create("numbers").fromRows(List.of(Map.of("x", 1L))).commit("by ana");
                    ana.experiments().getOrCreate("shared").startRun("r1").close();
                    assertThat(ana.datasets().list()).hasSize(1);
                }
                try (AiDos vic = AiDos.open(AiDosConfig.builder().uri(server.uri()).apiKey(viewer).build())) {
                    assertThat(vic.datasets().get("numbers").latest().rowCount()).isEqualTo(1);
                    // a search is a POST that only reads: a viewer may run it
                    assertThat(vic.experiments().searchRuns(io.aidos.api.RunQuery.in("shared"))).hasSize(1);
                    assertThatThrownBy(() -> vic.datasets().create("mine").fromRows(List.of(Map.of("x", 2L)))
                            .commit("by vic")).isInstanceOf(PermissionDeniedException.class);
                }

                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> mlflow = http.send(HttpRequest.newBuilder(URI.create(server.uri()
                        + "/api/2.0/mlflow/experiments/get-by-name?experiment_name=x")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(mlflow.statusCode()).isEqualTo(401);
                assertThat(mlflow.body()).contains("\"error_code\"", "UNAUTHENTICATED");
                HttpResponse<String> withKey = http.send(HttpRequest.newBuilder(URI.create(server.uri()
                        + "/api/2.0/mlflow/experiments/get-by-name?experiment_name=x"))
                        .header("Authorization", "Bearer " + owner).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(withKey.statusCode()).isEqualTo(404);
                assertThat(withKey.body()).contains("RESOURCE_DOES_NOT_EXIST");
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.uri()
                        + "/api/v1/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as("health needs no key").isEqualTo(200);
            }
        }
    }
}
