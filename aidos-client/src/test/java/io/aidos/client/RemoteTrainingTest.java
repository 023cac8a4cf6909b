package io.aidos.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Goal;
import io.aidos.api.JobStatus;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import io.aidos.api.Task;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on the server's worker through the client, follows the log over SSE, then predicts client-side. */
class RemoteTrainingTest {
    @TempDir
    static Path temp;
    private static AiDosConfig client;

    @BeforeAll
    static void serve() {
        client = ServedStore.serve(AiDosConfig.builder().uri("local:" + temp.resolve("store")).build());
    }

    @AfterAll
    static void stop() {
        ServedStore.stop(client);
    }

    private static void importIris(AiDos aidos) throws Exception {
        if (aidos.datasets().exists("iris")) {
            return;
        }
        Path iris = temp.resolve("iris.csv");
        try (InputStream in = RemoteTrainingTest.class.getResourceAsStream("/data/iris.csv")) {
            Files.copy(in, iris);
        }
        aidos.datasets().create("iris").fromCsv(iris).commit("import");
    }

    @Test
    void tunesRemotely() throws Exception {
        try (AiDos aidos = AiDos.open(client)) {
            importIris(aidos);
            TuningJob job = aidos.trainer().tune().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("xgboost").param("num_trees", 10).experiment("iris-tuning")
                    .space(SearchSpace.builder().intRange("max_depth", 1, 4).logRange("eta", 0.05, 0.5).build())
                    .objective("accuracy", Goal.MAXIMIZE).strategy(SearchStrategy.RANDOM).maxTrials(3)
                    .registerAs("iris-best").submit();
            assertThat(aidos.trainer().tuningJob(job.id()).spec().space().dimensions()).hasSize(2);
            TuningResult r = job.await(Duration.ofMinutes(2));
            assertThat(r.trials()).isEqualTo(3);
            assertThat(r.bestParams()).containsKeys("max_depth", "eta");
            assertThat(r.bestRun().metrics()).containsKey("accuracy");
            assertThat(r.modelVersion().modelName()).isEqualTo("iris-best");
        }
    }

    @Test
    void trainsFollowsTheLogLoadsAndPredicts() throws Exception {
        try (AiDos aidos = AiDos.open(client.toBuilder().artifactRoot(temp.resolve("client")).build())) {
            importIris(aidos);
            assertThat(aidos.trainer().algorithms()).extracting(a -> a.name()).contains("logistic-regression");
            TrainingJob job = aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("logistic-regression").experiment("iris-remote").registerAs("iris").submit();

            List<String> log;
            try (var lines = job.logs()) {
                log = lines.toList();
            }
            assertThat(log).isNotEmpty();
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.logLines(0)).hasSize(log.size());

            TrainingResult result = job.await(Duration.ofMinutes(2));
            assertThat(result.metrics()).containsKey("accuracy");
            assertThat(result.metrics().get("accuracy")).isGreaterThan(0.8);
            assertThat(result.modelVersion().modelName()).isEqualTo("iris");
            assertThat(result.run().params()).isNotEmpty();
            assertThat(aidos.trainer().jobs()).extracting(j -> j.id()).contains(job.id());
            assertThat(aidos.trainer().job(job.id()).spec().algorithm()).isEqualTo("logistic-regression");

            aidos.models().get("iris").setAlias("production", result.modelVersion().version());
            try (Predictor p = aidos.models().load("iris", "production")) {
                Prediction out = p.predict(Map.of("Sepal.Length", 5.1, "Sepal.Width", 3.5, "Petal.Length", 1.4,
                        "Petal.Width", 0.2));
                assertThat(out.label()).isEqualTo("setosa");
            }
        }
    }
}
