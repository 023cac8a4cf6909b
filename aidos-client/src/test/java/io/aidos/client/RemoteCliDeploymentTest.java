package io.aidos.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.server.cli.AidosCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aidos deploy}, {@code aidos deployments ...} and {@code aidos predict --deployment} with {@code --server}. */
class RemoteCliDeploymentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "{\"Sepal.Length\": 6.7, \"Sepal.Width\": 3.0, \"Petal.Length\": 5.2,"
            + " \"Petal.Width\": 2.3}";
    @TempDir
    static Path temp;
    private static AiDosConfig client;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void serveTwoVersions() {
        client = ServedStore.serve(AiDosConfig.builder().uri("local:" + temp.resolve("store")).trainingWorkers(0)
                .build());
        var files = IrisModelFiles.train(temp.resolve("scratch"));
        try (AiDos aidos = AiDos.open(client)) {
            IrisModelFiles.register(aidos, files, "serving", "iris");
            IrisModelFiles.register(aidos, files, "serving", "iris");
        }
    }

    @AfterAll
    static void stop() {
        ServedStore.stop(client);
    }

    private static Result aidos(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server=" + client.uri());
        int code = AidosCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--output=json");
        Result r = aidos(all.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void deploysRollsOutPredictsAndStopsThroughTheServer() throws Exception {
        JsonNode deployed = json("deploy", "iris-cli", "--model", "iris", "--version", "1", "--autoscale", "1:3");
        assertThat(deployed.get("status").asText()).isEqualTo("RUNNING");
        assertThat(deployed.get("spec").get("autoscaling").get("max").asInt()).isEqualTo(3);
        assertThat(aidos("deployments", "list").out()).contains("NAME", "iris-cli", "RUNNING", "yes", "iris:1 100%");

        JsonNode canary = json("deployments", "canary", "iris-cli", "--model", "iris", "--version", "2",
                "--percent", "25");
        assertThat(canary.get("variants").findValuesAsText("role")).containsExactly("PRIMARY", "CANARY");
        assertThat(aidos("deployments", "show", "iris-cli").out()).contains("iris:2", "CANARY", "25%");
        assertThat(json("deployments", "rollback", "iris-cli").get("variants")).hasSize(1);
        json("deployments", "canary", "iris-cli", "--model", "iris", "--version", "2", "--percent", "10");
        JsonNode promoted = json("deployments", "promote", "iris-cli");
        assertThat(promoted.get("variants").get(0).get("id").asText()).isEqualTo("iris:2");

        Result predicted = aidos("predict", "--deployment", "iris-cli", "--json", ROW);
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.out()).startsWith("virginica");
        assertThat(json("predict", "--deployment", "iris-cli", "--json", "[" + ROW + "," + ROW + "]",
                "--routing-key", "u1")).hasSize(2);
        JsonNode stats = json("deployments", "stats", "iris-cli");
        assertThat(stats.get("total").get("requests").asLong()).isEqualTo(3);
        assertThat(stats.get("variants").get("iris:2").get("requests").asLong()).isEqualTo(3);
        assertThat(aidos("deployments", "stats", "iris-cli").out()).contains("VARIANT", "iris:2", "total",
                "last event: promoted iris:2");

        JsonNode status = json("status");
        assertThat(status.get("deployments").get("count").asInt()).isEqualTo(1);
        assertThat(status.get("deployments").get("deployments").get(0).get("ready").asBoolean()).isTrue();

        Result badPercent = aidos("deployments", "canary", "iris-cli", "--model", "iris", "--version", "1",
                "--percent", "100");
        assertThat(badPercent.code()).as("the server's InvalidInputException is bad input here too").isEqualTo(2);
        assertThat(badPercent.err()).contains("canary percent", "between 1 and 99");

        assertThat(aidos("deployments", "stop", "iris-cli").out()).contains("Stopped iris-cli");
        Result gone = aidos("deployments", "show", "iris-cli");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("deployment 'iris-cli' not found");
    }
}
