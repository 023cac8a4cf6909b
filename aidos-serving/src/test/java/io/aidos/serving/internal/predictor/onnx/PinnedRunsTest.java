package io.aidos.serving.internal.predictor.onnx;

import ai.onnx.proto.OnnxMl;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.FLOAT;
import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.INT64;
import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.intAttribute;
import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.node;
import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.tensor;
import static org.assertj.core.api.Assertions.assertThat;

/** One-row runs that reuse their tensors give what runs with new tensors give, and only where the graph allows. */
class PinnedRunsTest {
    private static final int BOOL = OnnxMl.TensorProto.DataType.BOOL_VALUE;
    private static final int DOUBLE = OnnxMl.TensorProto.DataType.DOUBLE_VALUE;

    @TempDir
    Path temp;

    /** sum = f + float(n) + float(b) + float(d) over FP32, INT64, BOOL and FP64 inputs; label = argmin(sum). */
    private Predictor fourInputs() {
        return TinyGraphs.load(TinyGraphs.model(List.of(
                        node("Cast", List.of("n"), "nf", intAttribute("to", FLOAT)),
                        node("Cast", List.of("b"), "bf", intAttribute("to", FLOAT)),
                        node("Cast", List.of("d"), "df", intAttribute("to", FLOAT)),
                        node("Add", List.of("f", "nf"), "s1"), node("Add", List.of("s1", "bf"), "s2"),
                        node("Add", List.of("s2", "df"), "sum"),
                        node("ArgMin", List.of("sum"), "label", intAttribute("axis", 1), intAttribute("keepdims", 0))),
                List.of(tensor("f", FLOAT, "batch", 3L), tensor("n", INT64, "batch", 3L),
                        tensor("b", BOOL, "batch", 3L), tensor("d", DOUBLE, "batch", 3L)),
                List.of(tensor("sum", FLOAT, "batch", 3L), tensor("label", INT64, "batch"))), "four", temp);
    }

    private static Map<String, Object> row(int i) {
        return Map.of("f", new float[] {i, -i, 0.5f}, "n", new long[] {i % 4, 2, -3}, "b",
                new boolean[] {i % 2 == 0, true, false}, "d", new double[] {0.25, i % 5, -i});
    }

    @Test
    void oneRowRunsReuseTheirTensorsOnceAFirstRunShowedTheOutputShapes() throws Exception {
        try (Predictor p = fourInputs()) {
            OnnxPredictor onnx = (OnnxPredictor) p;
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                rows.add(row(i));
            }
            List<Prediction> batch = p.predictAll(rows); // 40 rows: new tensors, not a run of the pinned size
            assertThat(onnx.reusesTensors()).isFalse();
            assertThat(p.predict(rows.get(0))).isEqualTo(batch.get(0));
            assertThat(onnx.reusesTensors()).as("after the first one-row run").isTrue();
            Prediction first = batch.get(7);
            assertThat(first.scores()).containsEntry("0", 7.0 + 3 + 0 + 0.25).containsEntry("1", -7.0 + 2 + 1 + 2)
                    .containsEntry("2", 0.5 - 3 + 0 - 7);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Prediction>> answers = new ArrayList<>();
                for (int n = 0; n < 400; n++) {
                    Map<String, Object> row = rows.get(n % rows.size());
                    answers.add(pool.submit(() -> p.predict(row)));
                }
                for (int n = 0; n < answers.size(); n++) {
                    assertThat(answers.get(n).get(30, TimeUnit.SECONDS)).as("row %d", n % rows.size())
                            .isEqualTo(batch.get(n % rows.size()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anOutputThatComesOutInAnotherShapeThanDeclaredKeepsRunsWithNewTensors() {
        // Flatten(axis 0) gives [1, 2 * batch], where the graph declares one value per row.
        try (Predictor p = TinyGraphs.load(TinyGraphs.model(List.of(node("Flatten", List.of("x"), "y",
                        intAttribute("axis", 0))), List.of(tensor("x", FLOAT, "batch", 2L)),
                List.of(tensor("y", FLOAT, "batch", 1L))), "flat", temp)) {
            assertThat(p.predict(Map.of("x", new float[] {3, 4})).value()).isEqualTo(3.0);
            assertThat(((OnnxPredictor) p).reusesTensors()).isFalse();
            assertThat(p.predict(Map.of("x", new float[] {5, 6})).value()).isEqualTo(5.0);
        }
    }

    @Test
    void graphsWithAnOpenDimensionAfterTheBatchNeverReuseTensors() {
        try (Predictor p = TinyGraphs.load(TinyGraphs.model(List.of(node("Identity", List.of("x"), "y")),
                List.of(tensor("x", FLOAT, "batch", "width")), List.of(tensor("y", FLOAT, "batch", "width"))),
                "open", temp)) {
            assertThat(p.predict(Map.of("x", new float[] {0.2f, 0.9f})).label()).isEqualTo("1");
            assertThat(p.predict(Map.of("x", new float[] {0.8f, 0.1f, 0.1f})).label()).isEqualTo("0");
            assertThat(((OnnxPredictor) p).reusesTensors()).isFalse();
        }
    }
}
