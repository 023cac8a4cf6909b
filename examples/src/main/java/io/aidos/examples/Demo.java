package io.aidos.examples;

import io.aidos.api.AiDos;
import io.aidos.api.ColumnStats;
import io.aidos.api.DatasetSplit;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Experiment;
import io.aidos.api.ModelVersion;
import io.aidos.api.RegisteredModel;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The README's demo, on the embedded default (no server, no database to install): imports iris as a versioned
 * dataset, fits a nearest-centroid classifier on a seeded split, tracks the run, registers the model.
 * Run it twice: the second import finds identical content and stores no second copy.
 */
public final class Demo {
    public static void main(String[] args) throws IOException {
        String uri = args.length > 0 ? args[0] : "local:./aidos-data";
        try (AiDos aidos = AiDos.open(uri)) {
            DatasetVersion iris = importIris(aidos);
            printDataset(iris);

            Experiment experiment = aidos.experiments().getOrCreate("iris-classifier");
            Run run = experiment.startRun("nearest-centroid");
            try (run) {
                DatasetSplit split = iris.split(0.8, 42L);
                run.logParam("algorithm", "nearest-centroid");
                run.logParam("dataset", "iris@" + iris.version());
                run.logParam("seed", "42");
                NearestCentroid model = NearestCentroid.fit(split.train(), "Species");
                run.logMetric("train_accuracy", model.accuracy(split.train()), 1);
                run.logMetric("test_accuracy", model.accuracy(split.test()), 1);
                run.setTag("dataset.hash", iris.contentHash());
                run.logArtifact("model/centroids.json", model.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                run.fail(e);
                throw e;
            }
            printRun(aidos.experiments().getRun(run.id()));

            ModelVersion version = aidos.models().register("iris", run.id(), "model");
            RegisteredModel model = aidos.models().get("iris");
            model.setAlias("production", version.version());
            System.out.printf("%nRegistered model 'iris' version %d (run %s, artifact '%s'); alias production -> %d%n",
                    version.version(), version.runId(), version.artifactPath(), model.byAlias("production").version());

            List<Run> best = aidos.experiments().searchRuns(RunQuery.in("iris-classifier")
                    .where("metrics.test_accuracy > 0.8").orderBy("metrics.test_accuracy DESC").limit(3));
            System.out.printf("Best runs so far: %d with test_accuracy > 0.8 (top: %.3f)%n", best.size(),
                    best.isEmpty() ? Double.NaN : best.get(0).metrics().get("test_accuracy"));
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
}
