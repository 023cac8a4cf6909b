package io.aidos.serving;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Deployment;
import io.aidos.api.InvalidInputException;
import io.aidos.core.TestKeystores;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.ServingTls;
import io.aidos.serving.internal.http.ServingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deployments served over HTTPS: from {@code serving.tls.*} in the config, or from the keystore the store was given
 * ({@link LocalAiDos#servingTls}, what the AI-DOS server sets); a client that does not trust the certificate, or
 * speaks plain HTTP, gets no answer.
 */
class ServingTlsTest {
    private static final String SPLIT = "{\"dataframe_split\":{\"columns\":[\"Sepal.Length\",\"Sepal.Width\","
            + "\"Petal.Length\",\"Petal.Width\"],\"data\":[[6.7,3.0,5.2,2.3]]}}";

    @TempDir
    static Path temp;
    static Path[] stores;

    @BeforeAll
    static void trainAndMakeACertificate() throws Exception {
        ServingFixture.trainIris(temp.resolve("store"));
        stores = TestKeystores.create(temp);
    }

    @Test
    void theConfigsKeystoreServesEveryProtocolOverHttpsOnly() throws Exception {
        try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri("local:" + temp.resolve("store")).trainingWorkers(0)
                .property("serving.httpThreads", Integer.toString(ServingSettings.MIN_HTTP_THREADS))
                .property("serving.tls.keystore", stores[0].toString())
                .property("serving.tls.password", TestKeystores.PASSWORD).build())) {
            Deployment d = aidos.deployer().deploy("iris-tls-config").model("iris", "1").start();
            answersOverHttpsOnly(d);
            d.stop(); // both tests share the store, which restarts running deployments when opened
        }
    }

    @Test
    void theStoresKeystoreIsUsedByDeployersOpenedAfterItIsSet() throws Exception {
        try (AiDos aidos = ServingFixture.open(temp.resolve("store"))) {
            assertThatThrownBy(() -> new ServingTls(temp.resolve("missing.p12"), "x"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("serving.tls.keystore");
            ((LocalAiDos) aidos).servingTls(new ServingTls(stores[0], TestKeystores.PASSWORD));
            assertThat(((LocalAiDos) aidos).servingTls().orElseThrow().toString())
                    .doesNotContain(TestKeystores.PASSWORD);
            Deployment d = aidos.deployer().deploy("iris-tls-store").model("iris", "1").start();
            answersOverHttpsOnly(d);
            d.stop();
        }
    }

    private static void answersOverHttpsOnly(Deployment d) throws Exception {
        assertThat(d.endpoint().getScheme()).isEqualTo("https");
        HttpClient trusting = TestKeystores.trustingClient(stores[1]);
        HttpResponse<String> mlflow = trusting.send(HttpRequest.newBuilder(d.endpoint().resolve("invocations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SPLIT)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mlflow.statusCode()).isEqualTo(200);
        assertThat(mlflow.body()).isEqualTo("{\"predictions\":[\"virginica\"]}");
        HttpResponse<String> oip = trusting.send(HttpRequest.newBuilder(d.endpoint().resolve("/v2/models/"
                + d.name() + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oip.statusCode()).isEqualTo(200);

        HttpRequest live = HttpRequest.newBuilder(d.endpoint().resolve("/v2/health/live")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(live, HttpResponse.BodyHandlers.ofString()))
                .as("a client that does not trust the certificate").isInstanceOf(javax.net.ssl.SSLException.class);
        URI plain = URI.create("http://" + d.endpoint().getHost() + ":" + d.endpoint().getPort() + "/v2/health/live");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).build(),
                HttpResponse.BodyHandlers.ofString())).as("no plain HTTP on the TLS port")
                .isInstanceOf(java.io.IOException.class);
    }
}
