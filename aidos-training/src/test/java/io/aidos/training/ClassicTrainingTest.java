package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.ArtifactInfo;
import io.aidos.api.DatasetSplit;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Row;
import io.aidos.api.RunStatus;
import io.aidos.api.Task;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Real Tribuo training through jobs on the embedded store: metrics, artifacts, provenance, registry, predictor. */
class ClassicTrainingTest {
    @TempDir
    Path temp;
    AiDos aidos;

    @BeforeEach
    void open() {
        aidos = TrainingFixture.open(temp.resolve("store"), 1);
    }

    @AfterEach
    void close() {
        aidos.close();
    }

    @Test
    void logisticRegressionOnBreastCancerReachesTheTargetAndPredictsLikeItsEvaluation() throws Exception {
        DatasetVersion data = TrainingFixture.importBundled(aidos, "breast_cancer", temp);
        TrainingJob job = aidos.trainer().dataset("breast_cancer").target("diagnosis").task(Task.CLASSIFICATION)
                .algorithm("logistic-regression").param("epochs", 20).validationSplit(0.2)
                .experiment("bc").registerAs("bc").submit();
        TrainingResult r = job.await(Duration.ofMinutes(2));

        assertThat(r.metrics().get("accuracy")).isGreaterThanOrEqualTo(0.94);
        assertThat(r.metrics()).containsKeys("precision_macro", "recall_macro", "f1_macro", "roc_auc");
        assertThat(r.metrics().get("roc_auc")).isGreaterThan(0.95);
        assertThat(r.run().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(r.run().params()).containsEntry("epochs", "20").containsEntry("algorithm", "logistic-regression")
                .containsEntry("dataset_version", "1").containsEntry("seed", "42").containsKey("learning_rate");
        assertThat(r.run().metrics().get("accuracy")).isEqualTo(r.metrics().get("accuracy"));
        assertThat(r.run().artifacts()).extracting(ArtifactInfo::path).contains("model/aidos-model.json",
                "model/model.tribuo", "model/model.onnx", "evaluation/confusion_matrix.json");
        assertThat(r.modelVersion().version()).isEqualTo(1);
        assertThat(r.modelVersion().runId()).isEqualTo(r.run().id());

        String descriptor;
        try (InputStream in = r.run().openArtifact("model/aidos-model.json")) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(descriptor).contains("\"flavor\" : \"tribuo\"", data.contentHash(), "\"tribuo\" : \"4.3.2\"",
                r.run().id(), job.id(), "\"seed\" : 42");

        // The registered model, loaded fresh, scores the same held-out rows the job evaluated.
        DatasetSplit split = data.split(0.8, 42L);
        try (Predictor p = aidos.models().load("bc", "1")) {
            List<Row> test = split.test().rows().toList();
            List<Map<String, Object>> rows = test.stream().map(ClassicTrainingTest::asMap).toList();
            List<Prediction> predictions = p.predictAll(rows);
            long correct = 0;
            for (int i = 0; i < test.size(); i++) {
                if (predictions.get(i).label().equals(test.get(i).get("diagnosis"))) {
                    correct++;
                }
            }
            assertThat((double) correct / test.size()).isCloseTo(r.metrics().get("accuracy"), within(1e-9));
            Prediction one = p.predict(rows.get(0));
            assertThat(one.scores()).containsOnlyKeys("benign", "malignant");
            assertThat(one.scores().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-6));
            assertThat(p.inputs()).hasSize(30);
        }
    }

    @Test
    void jobLogsFollowTheJobToItsEnd() {
        TrainingFixture.importBundled(aidos, "iris", temp);
        TrainingJob job = aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                .algorithm("cart").submit();
        List<String> lines = job.logs().toList();
        assertThat(job.status().isFinal()).isTrue();
        assertThat(lines).anyMatch(l -> l.startsWith("attempt 1/3: cart on iris v1"))
                .anyMatch(l -> l.contains("120 training rows, 30 validation rows"))
                .last().asString().startsWith("done: accuracy=");
        assertThat(job.logLines(0)).hasSize(lines.size());
    }

    static Map<String, Object> asMap(Row row) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            m.put(row.schema().column(i).name(), row.get(i));
        }
        return m;
    }
}
