package io.aidos.serving.internal.predictor.onnx;

import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.serving.internal.predictor.onnx.SklearnGraphs.Probabilities;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Graphs shaped like scikit-learn exports (skl2onnx): class names and probabilities come from the ZipMap output. */
class SklearnGraphTest {
    private static final float[][] W = {{1, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 0, 3}};
    private static final float[] B = {0.5f, 0, -1};
    private static final List<Long> NUMBERED = List.of(10L, 12L, 14L);

    @TempDir
    Path temp;

    private Predictor load(List<?> classes, Probabilities probabilities) {
        return TinyGraphs.load(SklearnGraphs.logisticRegression(W, B, classes, probabilities), "sklearn", temp);
    }

    /** softmax(x · W[c] + B[c]), computed here rather than by the graph. */
    private static double[] softmax(float[] x) {
        double[] z = new double[W.length];
        double sum = 0;
        for (int c = 0; c < W.length; c++) {
            double s = B[c];
            for (int j = 0; j < x.length; j++) {
                s += W[c][j] * x[j];
            }
            z[c] = Math.exp(s);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }

    @Test
    void zipMapProbabilitiesAreScoresKeyedByTheClassesTheLabelNames() {
        try (Predictor p = load(NUMBERED, Probabilities.ZIPMAP)) {
            assertThat(p.task()).isEqualTo(Task.CLASSIFICATION);
            // The maps are not a tensor: the signature lists the label only.
            assertThat(((OnnxPredictor) p).signature().outputs())
                    .containsExactly(TensorSpec.of("output_label", "INT64", -1));
            float[] x = {0.2f, 0.1f, 0.3f, 0.9f};
            Prediction one = p.predict(Map.of("float_input", x));
            double[] expected = softmax(x);
            assertThat(one.label()).isEqualTo("14");
            assertThat(one.scores()).containsOnlyKeys("10", "12", "14");
            for (int c = 0; c < 3; c++) {
                assertThat(one.scores().get(NUMBERED.get(c).toString())).isCloseTo(expected[c], within(1e-6));
            }
        }
    }

    @Test
    void everyRowOfABatchGetsItsOwnMap() {
        try (Predictor p = load(NUMBERED, Probabilities.ZIPMAP)) {
            List<Map<String, ?>> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int winner = i % 3;
                float[] x = new float[4];
                x[winner == 2 ? 3 : winner] = 4; // each class's own feature
                rows.add(Map.of("float_input", x));
                labels.add(NUMBERED.get(winner).toString());
            }
            for (int round = 0; round < 3; round++) { // the maps are read and closed every run
                List<Prediction> out = p.predictAll(rows);
                assertThat(out).extracting(Prediction::label).containsExactlyElementsOf(labels);
                for (int i = 0; i < rows.size(); i++) {
                    double[] expected = softmax((float[]) rows.get(i).get("float_input"));
                    assertThat(out.get(i).scores().get(labels.get(i))).isCloseTo(expected[i % 3], within(1e-6));
                }
            }
            assertThat(((OnnxPredictor) p).reusesTensors()).isFalse();
        }
    }

    @Test
    void stringClassesNameTheScoresWhateverTheirOrderInTheGraph() {
        List<String> classes = List.of("virginica", "setosa", "versicolor"); // W's rows, not sorted
        try (Predictor p = load(classes, Probabilities.ZIPMAP)) {
            float[] x = {0.9f, 0.1f, 0.2f, 0.1f};
            Prediction one = p.predict(Map.of("float_input", x));
            double[] expected = softmax(x);
            assertThat(one.label()).isEqualTo("virginica");
            for (int c = 0; c < 3; c++) {
                assertThat(one.scores().get(classes.get(c))).isCloseTo(expected[c], within(1e-6));
            }
        }
    }

    @Test
    void withoutALabelOutputTheBestClassIsTheLabel() {
        try (Predictor p = load(NUMBERED, Probabilities.ZIPMAP_ONLY)) {
            assertThat(p.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(p.predict(Map.of("float_input", new float[] {0, 3, 0, 0})).label()).isEqualTo("12");
        }
    }

    @Test
    void aPipelineTakesItsStringColumnAsStrings() {
        try (Predictor p = TinyGraphs.load(SklearnGraphs.housePricePipeline(), "houses", temp)) {
            assertThat(((OnnxPredictor) p).signature().inputs()).containsExactly(TensorSpec.of("rooms", "FP32", -1, 1),
                    TensorSpec.of("city", "BYTES", -1, 1));
            assertThat(p.task()).isEqualTo(Task.REGRESSION);
            List<Prediction> out = p.predictAll(List.of(Map.of("rooms", 3, "city", "Paris"),
                    Map.of("rooms", 2.5, "city", new String[] {"Lyon"}), Map.of("rooms", 1, "city", List.of("Oslo"))));
            assertThat(out).extracting(Prediction::value).containsExactly(231.0, 126.0, -89.0);
        }
    }

    @Test
    void aProbabilityTensorIsKeyedByClassIndexNextToTheGraphsLabel() {
        // skl2onnx's zipmap=False: the tensor does not name its classes, so its columns are indexes.
        try (Predictor p = load(NUMBERED, Probabilities.TENSOR)) {
            Prediction one = p.predict(Map.of("float_input", new float[] {0, 3, 0, 0}));
            assertThat(one.label()).isEqualTo("12");
            assertThat(one.scores()).containsOnlyKeys("0", "1", "2");
            assertThat(one.scores().get("1")).isCloseTo(softmax(new float[] {0, 3, 0, 0})[1], within(1e-6));
        }
    }
}
