package io.aidos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDos;
import io.aidos.core.TestKeystores;
import io.aidos.core.internal.LocalAiDos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS12 keystore (self-signed, made in the test), and CORS off unless origins are configured. */
class TlsAndCorsTest {
    @TempDir
    Path temp;

    @Test
    void servesHttpsToAClientThatTrustsTheCertificateOnly() throws Exception {
        Path[] stores = TestKeystores.create(temp);
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("store"));
             AidosServer server = AidosServer.builder(aidos).config(ServerConfig.builder().port(0)
                     .tls(stores[0], TestKeystores.PASSWORD).build()).start()) {
            assertThat(server.uri()).startsWith("https://127.0.0.1:");
            assertThat(((LocalAiDos) aidos).servingTls()).as("the inference servers get the same keystore")
                    .hasValueSatisfying(tls -> assertThat(tls.keystore()).isEqualTo(stores[0]));
            HttpClient trusting = TestKeystores.trustingClient(stores[1]);
            HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create(server.uri()
                    + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");

            HttpRequest plain = HttpRequest.newBuilder(URI.create(server.uri() + "/api/v1/health")).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            HttpRequest cleartext = HttpRequest.newBuilder(URI.create(server.uri().replace("https:", "http:")
                    + "/api/v1/health")).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(cleartext, HttpResponse.BodyHandlers.ofString()))
                    .as("no plain HTTP on the TLS port").isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void corsIsOffByDefaultAndOnForConfiguredOrigins() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("store2"))) {
            try (AidosServer server = AidosServer.start(aidos, ServerConfig.builder().port(0).build())) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/v1/health"))
                        .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
                assertThat(((LocalAiDos) aidos).servingTls()).as("plain HTTP server, plain inference").isEmpty();
            }
            try (AidosServer server = AidosServer.start(aidos, ServerConfig.builder().port(0)
                    .corsOrigins(List.of("https://app.example")).build())) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/v1/health"))
                        .header("Origin", "https://app.example").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
                HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(server.uri()
                        + "/api/v1/health")).header("Origin", "https://evil.example").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
    }
}
