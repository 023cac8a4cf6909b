package io.aidos.serving;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AiDosException;
import io.aidos.api.Deployment;
import io.aidos.api.Run;
import io.aidos.serving.internal.predictor.torchscript.TorchScriptFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serving settings a user sets (a fixed port, a smaller body limit) hold end to end. */
class ServingPortTest {
    @TempDir
    Path temp;

    @Test
    void aFixedPortAndBodyLimitAreUsedAndATakenPortIsNamed() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        AiDosConfig config = AiDosConfig.builder().uri("local:" + temp.resolve("store"))
                .property("serving.port", Integer.toString(port)).property("serving.maxRequestBytes", "2048").build();
        try (AiDos aidos = AiDos.open(config)) {
            Path ts = TorchScriptFixtures.linear(new float[][] {{1, 0}, {0, 1}}, new float[] {0, 0},
                    temp.resolve("linear.pt"));
            try (Run run = aidos.experiments().getOrCreate("outside").startRun()) {
                run.logArtifact("linear.pt", ts);
                aidos.models().register("linear-ts", run.id(), "linear.pt");
            }
            Deployment d = aidos.deployer().deploy("linear").model("linear-ts", "1").start();
            assertThat(d.endpoint().getPort()).isEqualTo(port);
            HttpClient http = HttpClient.newHttpClient();
            URI ping = URI.create("http://127.0.0.1:" + port + "/v2/health/live");
            assertThat(http.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            String big = "{\"inputs\":[{\"name\":\"input0\",\"shape\":[1,2],\"datatype\":\"FP32\",\"data\":[1,2]}],"
                    + "\"id\":\"" + "x".repeat(3000) + "\"}";
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(d.endpoint().resolve(
                    "/v2/models/linear/infer")).POST(HttpRequest.BodyPublishers.ofString(big)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).contains("2048");

            // A second store on the same port cannot serve there, and says which port.
            AiDosConfig same = AiDosConfig.builder().uri("local:" + temp.resolve("other"))
                    .property("serving.port", Integer.toString(port)).build();
            try (AiDos other = AiDos.open(same)) {
                try (Run run = other.experiments().getOrCreate("outside").startRun()) {
                    run.logArtifact("linear.pt", ts);
                    other.models().register("linear-ts", run.id(), "linear.pt");
                }
                assertThatThrownBy(() -> other.deployer().deploy("linear").model("linear-ts", "1").start())
                        .isInstanceOf(AiDosException.class).hasMessageContaining(Integer.toString(port));
            }
            d.stop();
        }
    }
}
