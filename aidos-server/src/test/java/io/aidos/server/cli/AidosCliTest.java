package io.aidos.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.server.TrainedIris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line against a real local store: import, train with a followed log, list, predict, errors. */
class AidosCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path temp;

    record Result(int code, String out, String err) {
    }

    private Result aidos(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.get(0).equals("--help") && !all.get(0).equals("help")) {
            all.add("--store=local:" + temp.resolve("store"));
        }
        int code = AidosCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private Path iris() throws Exception {
        Path file = temp.resolve("iris.csv");
        try (InputStream in = getClass().getResourceAsStream("/data/iris.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void importTrainListAndPredict() throws Exception {
        Result imported = aidos("datasets", "import", "iris", iris().toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("Imported iris v1: 150 rows, 5 columns, sha256 ");

        JsonNode shown = JSON.readTree(aidos("datasets", "show", "iris", "--output", "json").out());
        assertThat(shown.get("rows").asLong()).isEqualTo(150);
        assertThat(shown.get("stats")).hasSize(5);
        assertThat(aidos("datasets", "list").out()).contains("NAME", "iris", "150");

        Result trained = aidos("train", "-d", "iris", "-t", "Species", "-a", "logistic-regression", "-p", "epochs=30",
                "-e", "cli", "--register-as", "iris");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("attempt 1/3: logistic-regression on iris v1", "done: accuracy=",
                "model          iris", "model_version  1");

        JsonNode runs = JSON.readTree(aidos("runs", "list", "-e", "cli", "--filter", "metrics.accuracy > 0.5",
                "--output", "json").out());
        assertThat(runs).hasSize(1);
        String runId = runs.get(0).get("run_id").asText();
        assertThat(aidos("runs", "show", runId).out()).contains("param    epochs", "30", "artifact model/model.tribuo");

        JsonNode jobs = JSON.readTree(aidos("jobs", "list", "--output", "json").out());
        assertThat(jobs.get(0).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(aidos("jobs", "logs", jobs.get(0).get("job_id").asText()).out()).contains("done: accuracy=");
        assertThat(aidos("models", "list").out()).contains("iris", "LATEST");

        Result predicted = aidos("predict", "iris", "-f", "Sepal.Length=6.7", "-f", "Sepal.Width=3.0",
                "-f", "Petal.Length=5.2", "-f", "Petal.Width=2.3");
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.out()).startsWith("virginica");
        Path rows = temp.resolve("rows.json");
        Files.writeString(rows, "[{\"Sepal.Length\": 5.1, \"Sepal.Width\": 3.5, \"Petal.Length\": 1.4,"
                + " \"Petal.Width\": 0.2}, {\"Sepal.Length\": 6.7, \"Sepal.Width\": 3.0, \"Petal.Length\": 5.2,"
                + " \"Petal.Width\": 2.3}]");
        JsonNode predictions = JSON.readTree(aidos("predict", "iris", "--input", rows.toString(), "--output", "json")
                .out());
        assertThat(predictions).hasSize(2);
        assertThat(predictions.get(0).get("label").asText()).isEqualTo("setosa");

        JsonNode status = JSON.readTree(aidos("status", "--output", "json").out());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(status.get("jobs").get("succeeded").asLong()).isEqualTo(1);
    }

    @Test
    void submitWithoutFollowingLeavesTheJobQueuedAndCancelEndsIt() throws Exception {
        aidos("datasets", "import", "iris", iris().toString());
        JsonNode submitted = JSON.readTree(aidos("train", "-d", "iris", "-t", "Species", "-a", "cart", "--no-follow",
                "--output", "json").out());
        String id = submitted.get("job_id").asText();
        assertThat(submitted.get("status").asText()).isEqualTo("QUEUED");
        assertThat(aidos("jobs", "cancel", id).out()).contains("job " + id + ": CANCELLED");
    }

    @Test
    void deployPredictAndStopOnALocalStore() throws Exception {
        TrainedIris.train(temp.resolve("store"));
        Result deployed = aidos("deploy", "iris-cli", "--model", "iris", "--version", "1", "--replicas", "2");
        assertThat(deployed.code()).as(deployed.err()).isZero();
        assertThat(deployed.out()).contains("deployment   iris-cli", "status       RUNNING", "ready        yes",
                "iris:1", "PRIMARY", "100%");
        assertThat(deployed.err()).contains("stored as running", "aidos server");

        // Each command opens the store, which starts the stored deployment again, and closes it.
        JsonNode listed = JSON.readTree(aidos("deployments", "list", "--output", "json").out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("iris-cli");
        assertThat(listed.get(0).get("spec").get("replicas").asInt()).isEqualTo(2);
        Result predicted = aidos("predict", "--deployment", "iris-cli", "--json", "[{\"Sepal.Length\": 5.1,"
                + " \"Sepal.Width\": 3.5, \"Petal.Length\": 1.4, \"Petal.Width\": 0.2}, {\"Sepal.Length\": 6.7,"
                + " \"Sepal.Width\": 3.0, \"Petal.Length\": 5.2, \"Petal.Width\": 2.3}]");
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.out().lines().toList()).hasSize(2).first().asString().startsWith("setosa");
        JsonNode status = JSON.readTree(aidos("status", "--output", "json").out());
        assertThat(status.get("deployments").get("count").asInt()).isEqualTo(1);
        assertThat(status.get("deployments").get("deployments").get(0).get("name").asText()).isEqualTo("iris-cli");
        assertThat(status.get("deployments").get("deployments").get(0).get("ready").asBoolean()).isTrue();
        assertThat(aidos("deployments", "stop", "iris-cli").out()).contains("Stopped iris-cli");
        assertThat(JSON.readTree(aidos("deployments", "list", "--output", "json").out())).isEmpty();

        Result gone = aidos("predict", "--deployment", "iris-cli", "--json", "{\"Sepal.Length\": 5.1}");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("deployment 'iris-cli' not found");
        Result both = aidos("predict", "iris", "--deployment", "iris-cli", "--json", "{}");
        assertThat(both.code()).isEqualTo(2);
        Result badRange = aidos("deploy", "x", "--model", "iris", "--version", "1", "--autoscale", "3");
        assertThat(badRange.code()).isEqualTo(2);
        assertThat(badRange.err()).contains("--autoscale", "MIN:MAX");
        Result badJson = aidos("predict", "iris", "--json", "{not json");
        assertThat(badJson.code()).isEqualTo(2);
        assertThat(badJson.err()).contains("--json");
    }

    @Test
    void badInputExitsWithTwoAndAMessageFailuresWithOne() throws Exception {
        Result missingFile = aidos("datasets", "import", "x", temp.resolve("nope.csv").toString());
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err()).contains("aidos: file", "is not a readable file");
        aidos("datasets", "import", "iris", iris().toString());
        Result badParam = aidos("train", "-d", "iris", "-t", "Species", "-a", "cart", "-p", "max_depth=0");
        assertThat(badParam.code()).isEqualTo(2);
        assertThat(badParam.err()).contains("max_depth must be between 1 and 1000");
        Result unknown = aidos("models", "show", "ghost");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("ghost");
        assertThat(aidos("frobnicate").code()).isEqualTo(2);
        assertThat(aidos("--help").out()).contains("datasets", "train", "predict", "jobs", "deploy", "deployments");
    }
}
