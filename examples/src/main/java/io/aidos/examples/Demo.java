package io.aidos.examples;

import io.aidos.api.AiDos;
import io.aidos.api.ColumnStats;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Deployer;
import io.aidos.api.Deployment;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.RegisteredModel;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.api.Task;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The README's demo, on the embedded default (no server, no database to install): imports iris as a versioned
 * dataset, trains a real logistic regression (Tribuo) as a persistent job while following its log, registers the
 * model, points the {@code production} alias at it, predicts with it in-process, then deploys it with two replicas
 * and calls the deployment's MLflow-compatible HTTP endpoint. Run it twice: the second import
 * finds identical content and stores no second copy.
 */
public final class Demo {
    static final Map<String, Object> FLOWER = Map.of("Sepal.Length", 5.9, "Sepal.Width", 3.0,
            "Petal.Length", 5.1, "Petal.Width", 1.8);

    public static void main(String[] args) throws IOException {
        String uri = args.length > 0 ? args[0] : "local:./aidos-data";
        try (AiDos aidos = AiDos.open(uri)) {
            DatasetVersion iris = importIris(aidos);
            printDataset(iris);

            System.out.printf("%nTraining logistic-regression on iris v%d (a persistent job on the in-process"
                    + " worker):%n", iris.version());
            TrainingJob job = aidos.trainer().dataset(iris).target("Species").task(Task.CLASSIFICATION)
                    .algorithm("logistic-regression").param("epochs", 50).validationSplit(0.2).seed(42L)
                    .experiment("iris-classifier").registerAs("iris").submit();
            job.logs().forEach(line -> System.out.println("  [job] " + line));
            TrainingResult result = job.await(Duration.ofMinutes(5));
            printRun(result.run());

            RegisteredModel model = aidos.models().get("iris");
            model.setAlias("production", result.modelVersion().version());
            System.out.printf("%nRegistered model 'iris' version %d (run %s, artifact '%s'); alias production -> %d%n",
                    result.modelVersion().version(), result.modelVersion().runId(),
                    result.modelVersion().artifactPath(), model.byAlias("production").version());

            try (Predictor predictor = aidos.models().load("iris", "production")) {
                Prediction p = predictor.predict(FLOWER);
                System.out.printf("Prediction for %s: %s (scores %s)%n", FLOWER, p.label(), rounded(p.scores()));
            }

            serve(aidos);

            List<Run> best = aidos.experiments().searchRuns(RunQuery.in("iris-classifier")
                    .where("metrics.accuracy > 0.8").orderBy("metrics.accuracy DESC").limit(3));
            System.out.printf("Best runs so far: %d with accuracy > 0.8 (top: %.3f)%n", best.size(),
                    best.isEmpty() ? Double.NaN : best.get(0).metrics().get("accuracy"));
        }
    }

    /** Deploys the production model with two replicas and calls its MLflow-compatible HTTP endpoint. */
    private static void serve(AiDos aidos) throws IOException {
        Deployer deployer = aidos.deployer();
        if (deployer.exists("iris-prod")) {
            deployer.get("iris-prod").stop(); // left running by an interrupted earlier run, and restored on open
        }
        Deployment d = deployer.deploy("iris-prod").model("iris", "production").replicas(2).start();
        try {
            URI invocations = d.endpoint().resolve("invocations");
            StringBuilder row = new StringBuilder();
            FLOWER.forEach((k, v) -> row.append(row.length() == 0 ? "" : ", ").append('"').append(k).append("\": ")
                    .append(v));
            String body = "{\"dataframe_records\": [{" + row + "}]}";
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(invocations)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("%nDeployed 'iris-prod' (%s); POST %s -> %d %s%n", d.variants(), invocations,
                    answer.statusCode(), answer.body());
            System.out.printf("In-process through the deployment: %s; stats: %d requests, p99 %s%n",
                    d.predict(FLOWER).label(), d.stats().requests(), d.stats().total().p99());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            d.stop();
        }
    }

    private static DatasetVersion importIris(AiDos aidos) throws IOException {
        Path csv = Files.createTempFile("iris", ".csv");
        try (InputStream in = Demo.class.getResourceAsStream("/iris.csv")) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            if (aidos.datasets().exists("iris")) {
                return aidos.datasets().get("iris").newVersion().fromCsv(csv).commit("re-import");
            }
            return aidos.datasets().create("iris").description("Fisher's iris (R datasets)").fromCsv(csv)
                    .commit("initial import");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void printDataset(DatasetVersion v) {
        System.out.printf("Dataset %s v%d: %d rows, %d columns, sha256 %s…%n", v.datasetName(), v.version(),
                v.rowCount(), v.schema().size(), v.contentHash().substring(0, 12));
        System.out.printf("  %-14s %-7s %6s %6s %9s %9s %9s%n", "column", "type", "nulls", "unique", "min", "max", "mean");
        for (ColumnStats s : v.stats()) {
            System.out.printf("  %-14s %-7s %6d %6d %9s %9s %9s%n", s.name(), s.type(), s.nulls(), s.distinct(),
                    s.min(), s.max(), s.mean() == null ? "" : String.format("%.3f", s.mean()));
        }
    }

    private static void printRun(Run run) {
        System.out.printf("%nRun %s (%s) %s%n", run.name(), run.id(), run.status());
        for (Map.Entry<String, String> p : run.params().entrySet()) {
            System.out.printf("  param  %-16s %s%n", p.getKey(), p.getValue());
        }
        for (Map.Entry<String, Double> m : run.metrics().entrySet()) {
            System.out.printf("  metric %-16s %.4f%n", m.getKey(), m.getValue());
        }
        run.artifacts().forEach(a -> System.out.printf("  artifact %s (%d bytes)%n", a.path(), a.sizeBytes()));
    }

    private static Map<String, String> rounded(Map<String, Double> scores) {
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
        scores.forEach((k, v) -> out.put(k, String.format("%.3f", v)));
        return out;
    }
}
