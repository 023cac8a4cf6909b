package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.AlgorithmInfo;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.api.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Tribuo algorithm trains for real on iris and its registered model predicts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlgorithmSweepTest {
    static final Map<String, Object> SETOSA = Map.of("Sepal.Length", 5.1, "Sepal.Width", 3.5, "Petal.Length", 1.4,
            "Petal.Width", 0.2);
    static final Map<String, Object> VIRGINICA = Map.of("Sepal.Length", 7.7, "Sepal.Width", 3.0, "Petal.Length", 6.1,
            "Petal.Width", 2.3);
    AiDos aidos;

    @BeforeAll
    void open(@TempDir Path temp) {
        aidos = TrainingFixture.open(temp.resolve("store"), 1);
        TrainingFixture.importBundled(aidos, "iris", temp);
    }

    @AfterAll
    void close() {
        aidos.close();
    }

    private TrainingResult train(String algorithm, Task task, String target, Map<String, Object> params) {
        var draft = aidos.trainer().dataset("iris").task(task).algorithm(algorithm).params(params)
                .registerAs("iris-" + algorithm + "-" + task.name().toLowerCase());
        if (target != null) {
            draft.target(target);
        }
        return draft.submit().await(Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic-regression", "linear-svm", "cart", "random-forest", "extra-trees", "xgboost"})
    void classifiersLearnIris(String algorithm) {
        TrainingResult r = train(algorithm, Task.CLASSIFICATION, "Species", Map.of());
        assertThat(r.metrics().get("accuracy")).as(algorithm).isGreaterThanOrEqualTo(0.85);
        try (Predictor p = aidos.models().load(r.modelVersion())) {
            assertThat(p.predict(SETOSA).label()).isEqualTo("setosa");
            assertThat(p.predict(VIRGINICA).label()).isEqualTo("virginica");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear-regression", "cart", "random-forest", "extra-trees", "xgboost"})
    void regressorsLearnPetalLength(String algorithm) {
        TrainingResult r = train(algorithm, Task.REGRESSION, "Petal.Length", Map.of());
        assertThat(r.metrics().get("r2")).as(algorithm).isGreaterThan(0.8);
        assertThat(r.metrics().get("rmse")).as(algorithm).isLessThan(0.8);
        try (Predictor p = aidos.models().load(r.modelVersion())) {
            // values come back in centimetres (the target is standardised inside): a long-petaled flower scores high
            Map<String, Object> big = Map.of("Sepal.Length", 7.7, "Sepal.Width", 3.0, "Petal.Width", 2.3,
                    "Species", "virginica");
            assertThat(p.predict(big).value()).isBetween(4.5, 7.5);
        }
    }

    @Test
    void linearRegressionWithLibLinearSolver() {
        TrainingResult r = train("linear-regression", Task.REGRESSION, "Petal.Length", Map.of("solver", "liblinear"));
        assertThat(r.metrics().get("r2")).isGreaterThan(0.8);
    }

    @Test
    void kmeansFindsTheSpeciesClusters() {
        TrainingResult r = train("kmeans", Task.CLUSTERING, null, Map.of("k", 3));
        assertThat(r.metrics().get("clusters")).isEqualTo(3.0);
        assertThat(r.metrics().get("silhouette")).isGreaterThan(0.3);
        assertThat(r.metrics().get("inertia")).isPositive();
        try (Predictor p = aidos.models().load(r.modelVersion())) {
            Prediction a = p.predict(Map.of("Sepal.Length", 5.0, "Sepal.Width", 3.4, "Petal.Length", 1.5,
                    "Petal.Width", 0.2, "Species", "setosa"));
            assertThat(a.label()).isIn("0", "1", "2");
            assertThat(p.predict(SETOSA).label()).isEqualTo(a.label());
        }
    }

    @Test
    void oneClassSvmFlagsAnOutlier() {
        TrainingResult r = train("one-class-svm", Task.ANOMALY_DETECTION, null, Map.of("nu", 0.05));
        assertThat(r.metrics().get("anomaly_fraction")).isBetween(0.0, 0.25);
        try (Predictor p = aidos.models().load(r.modelVersion())) {
            Prediction far = p.predict(Map.of("Sepal.Length", 30.0, "Sepal.Width", -9.0, "Petal.Length", 40.0,
                    "Petal.Width", 20.0));
            Prediction typical = p.predict(VIRGINICA);
            assertThat(far.label()).isEqualTo("ANOMALOUS");
            assertThat(far.value()).isGreaterThan(typical.value());
        }
    }

    @Test
    void catalogListsEveryAlgorithmWithItsParameters() {
        assertThat(aidos.trainer().algorithms()).extracting(AlgorithmInfo::name).contains("logistic-regression",
                "linear-svm", "linear-regression", "cart", "random-forest", "extra-trees", "xgboost", "kmeans",
                "one-class-svm");
        AlgorithmInfo xgb = aidos.trainer().algorithms().stream().filter(a -> a.name().equals("xgboost"))
                .findFirst().orElseThrow();
        assertThat(xgb.tasks()).containsExactlyInAnyOrder(Task.CLASSIFICATION, Task.REGRESSION);
        assertThat(xgb.params()).anyMatch(p -> p.name().equals("max_depth") && p.max() == 64.0);
    }
}
