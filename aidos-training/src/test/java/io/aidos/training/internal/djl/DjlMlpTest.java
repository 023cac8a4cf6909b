package io.aidos.training.internal.djl;

import io.aidos.api.InvalidInputException;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.TrainingData;
import io.aidos.training.internal.model.OutputDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DjlMlpTest {
    @TempDir
    Path temp;

    static Params params(Algorithm algorithm, Map<String, Object> given) {
        return Params.validate(algorithm.name(), algorithm.info().params(), given);
    }

    @Test
    void classifiesBreastCancerAboveNinetyPercentOnHeldOutRows() throws Exception {
        TrainingData data = TestData.breastCancer(7);
        Algorithm mlp = AlgorithmCatalog.standard().get("mlp", io.aidos.api.Task.CLASSIFICATION);
        RecordingTrainingContext context = new RecordingTrainingContext(42, temp);

        try (TrainedModel model = mlp.train(data, params(mlp, Map.of("epochs", 15, "hidden_units", 32)), context)) {
            List<Double> loss = context.metric("train_loss");
            assertThat(loss).hasSize(15);
            assertThat(loss.get(14)).isLessThan(loss.get(0) * 0.5);
            assertThat(context.metric("val_accuracy")).hasSize(15).last().asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isGreaterThanOrEqualTo(0.9);
            assertThat(context.metric("val_loss")).hasSize(15);
            assertThat(accuracy(model.predict(data.validX()), data.validY())).isGreaterThanOrEqualTo(0.9);
            assertThat(context.lines).anyMatch(l -> l.matches(
                    "epoch 15/15 train_loss=\\d\\.\\d{4} val_loss=\\d\\.\\d{4} val_accuracy=\\d\\.\\d{4} \\([\\d,]+ samples/s\\)"));
            assertThat(model.predict(data.validX())[0]).hasSize(2)
                    .satisfies(p -> assertThat(p[0] + p[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5)));
            assertThat(model.libraryVersions()).containsEntry("djl", DjlAlgorithms.DJL_VERSION)
                    .containsEntry("pytorch", DjlAlgorithms.PYTORCH_VERSION);
            assertThat(model.flavor()).isEqualTo("djl");
            assertThat(model.exportOnnx(temp.resolve("m.onnx"))).isFalse();
        }
    }

    @Test
    void regressionLossGoesDown() throws Exception {
        TrainingData data = TestData.synthetic(1000, 3);
        Algorithm mlp = DjlAlgorithms.mlp();
        RecordingTrainingContext context = new RecordingTrainingContext(1, temp);

        try (TrainedModel model = mlp.train(data, params(mlp, Map.of("epochs", 8)), context)) {
            List<Double> loss = context.metric("train_loss");
            assertThat(loss.get(7)).isLessThan(loss.get(0) * 0.5);
            List<Double> rmse = context.metric("val_rmse");
            assertThat(rmse.get(7)).isLessThan(0.3); // encoded units: 1.0 is predicting the mean
            assertThat(model.predict(data.validX())[0]).hasSize(1);
        }
    }

    @Test
    void pytorchNativesComeFromTheMavenJarIntoTheAiDosCache() throws Exception {
        Algorithm mlp = DjlAlgorithms.mlp();
        RecordingTrainingContext context = new RecordingTrainingContext(1, temp);
        mlp.train(TestData.synthetic(50, 1), params(mlp, Map.of("epochs", 1)), context).close();

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        // The engine starts once per JVM, in the cache folder of whichever training came first in this test run:
        // ours, or a job's store (…/cache/djl). Either way it is an AI-DOS folder holding the unpacked natives.
        Path engineCache = ai.djl.util.Utils.getEngineCacheDir("pytorch");
        assertThat(context.lines).anyMatch(l -> l.contains("native cache " + engineCache));
        assertThat(engineCache.toString()).satisfiesAnyOf(
                p -> assertThat(p).startsWith(RecordingTrainingContext.CACHE.toString()),
                p -> assertThat(p).contains("/cache/djl/"));
        if (Files.isDirectory(engineCache)) { // a job's store may be a deleted temp folder by now
            try (Stream<Path> files = Files.walk(engineCache)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).contains("libtorch_cpu.so")
                        .anyMatch(name -> name.endsWith("libdjl_torch.so"));
            }
        }
        assertThat(System.getProperty("user.home")).satisfies(home ->
                assertThat(ai.djl.util.Utils.getEngineCacheDir().toString()).doesNotStartWith(home + "/.djl.ai"));
    }

    @Test
    void rejectsParamsOutOfRangeNamingTheRange() {
        Algorithm mlp = DjlAlgorithms.mlp();
        assertThatThrownBy(() -> params(mlp, Map.of("batch_size", 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1 and 65536");
    }

    static double accuracy(double[][] scores, double[] labels) {
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            hits += OutputDecoder.argmax(scores[i]) == (int) labels[i] ? 1 : 0;
        }
        return (double) hits / labels.length;
    }
}
