package io.aidos.serving.internal.predictor.onnx;

import io.aidos.api.Column;
import io.aidos.api.ColumnType;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graphs with a fixed batch size, several inputs and a label output, written by hand. */
class TinyGraphTest {
    @TempDir
    Path temp;

    /** y = x, with the batch fixed at {@code batch}: scores are the row's own values. */
    private Predictor identity(long batch, int width) {
        return TinyGraphs.load(TinyGraphs.model(List.of(node("Identity", List.of("x"), "y")),
                List.of(tensor("x", FLOAT, batch, (long) width)), List.of(tensor("y", FLOAT, batch, (long) width))),
                "identity" + batch, temp);
    }

    /** sum = a + b (the scores), label = argmin(sum): the label output wins over the scores' argmax. */
    private Predictor sumAndArgmin() {
        return TinyGraphs.load(TinyGraphs.model(List.of(node("Add", List.of("a", "b"), "sum"),
                        node("ArgMin", List.of("sum"), "label", intAttribute("axis", 1), intAttribute("keepdims", 0))),
                List.of(tensor("a", FLOAT, "batch", 3L), tensor("b", FLOAT, "batch", 3L)),
                List.of(tensor("sum", FLOAT, "batch", 3L), tensor("label", INT64, "batch"))), "sum", temp);
    }

    @Test
    void aGraphWithABatchOfOneRunsRowByRow() {
        try (Predictor p = identity(1, 3)) {
            assertThat(((OnnxPredictor) p).signature().inputs()).containsExactly(TensorSpec.of("x", "FP32", 1, 3));
            List<Prediction> out = p.predictAll(List.of(Map.of("x", new float[] {0.1f, 0.7f, 0.2f}),
                    Map.of("x", new float[] {0.9f, 0.05f, 0.05f}), Map.of("x", new float[] {0f, 0f, 1f})));
            assertThat(out).extracting(Prediction::label).containsExactly("1", "0", "2");
            assertThat(out.get(1).scores().get("0")).isEqualTo(0.9f);
        }
    }

    @Test
    void aGraphWithABatchOfTwoPadsTheLastChunkAndDropsThePadding() {
        try (Predictor p = identity(2, 2)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rows.add(Map.of("x", i % 2 == 0 ? new double[] {i, -i} : new double[] {-i, i}));
            }
            List<Prediction> out = p.predictAll(rows);
            assertThat(out).extracting(Prediction::label).containsExactly("0", "1", "0", "1", "0");
            assertThat(out.get(4).scores()).containsEntry("0", 4.0).containsEntry("1", -4.0);
        }
    }

    @Test
    void severalInputsAreNamedInEachRowAndALabelOutputGivesTheLabel() {
        try (Predictor p = sumAndArgmin()) {
            ModelSignature signature = ((OnnxPredictor) p).signature();
            assertThat(signature.inputs()).containsExactly(TensorSpec.of("a", "FP32", -1, 3),
                    TensorSpec.of("b", "FP32", -1, 3));
            assertThat(signature.outputs()).containsExactly(TensorSpec.of("sum", "FP32", -1, 3),
                    TensorSpec.of("label", "INT64", -1));
            assertThat(p.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(p.inputs()).containsExactly(new Column("a", ColumnType.DOUBLE), new Column("b", ColumnType.DOUBLE));

            Prediction one = p.predict(Map.of("a", List.of(1, 2, 3), "b", new long[] {1, 1, 10}));
            assertThat(one.scores()).containsEntry("0", 2.0).containsEntry("1", 3.0).containsEntry("2", 13.0);
            assertThat(one.label()).isEqualTo("0");

            assertThatThrownBy(() -> p.predict(Map.of("a", List.of(1, 2, 3))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("input b is missing (model sum version 1 takes [a, b])");
            assertThatThrownBy(() -> p.predict(Map.of("x", List.of(1, 2, 3))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("input is not an input of model sum version 1 (its inputs are [a, b]) but was 'x'");
        }
    }

    @Test
    void int64InputsArriveExactlyBeyondWhatADoubleHolds() {
        long twoTo53 = 1L << 53;
        // y = float(x - 2^53): 1 for x = 2^53 + 1, which a double would have rounded to 2^53 (y = 0)
        byte[] model = TinyGraphs.model(List.of(TinyGraphs.int64Constant("c", twoTo53),
                        node("Sub", List.of("x", "c"), "d"), node("Cast", List.of("d"), "y", intAttribute("to", FLOAT))),
                List.of(tensor("x", INT64, "batch", 1L)), List.of(tensor("y", FLOAT, "batch", 1L)));
        try (Predictor p = TinyGraphs.load(model, "offset", temp)) {
            for (int i = 0; i < 3; i++) { // the first run makes its tensors, later ones write into pinned buffers
                assertThat(p.predict(Map.of("x", new long[] {twoTo53 + 1})).value()).isEqualTo(1.0);
                assertThat(p.predict(Map.of("x", twoTo53 + 3)).value()).isEqualTo(3.0);
            }
            assertThat(((OnnxPredictor) p).reusesTensors()).isTrue();
            assertThat(p.predictAll(List.of(Map.of("x", List.of(twoTo53 - 5)), Map.of("x", twoTo53 + 7))))
                    .extracting(Prediction::value).containsExactly(-5.0, 7.0);
        }
    }

    @Test
    void int64LabelsAnswerExactlyBeyondWhatADoubleHolds() {
        // label = x: a class id such as a hashed key, which a double would round to an even neighbour
        byte[] model = TinyGraphs.model(List.of(node("Identity", List.of("x"), "label")),
                List.of(tensor("x", INT64, "batch", 1L)), List.of(tensor("label", INT64, "batch", 1L)));
        long id = (1L << 53) + 1;
        try (Predictor p = TinyGraphs.load(model, "ids", temp)) {
            for (int i = 0; i < 3; i++) { // the first run makes its tensors, later ones write into pinned buffers
                assertThat(p.predict(Map.of("x", id)).label()).isEqualTo("9007199254740993");
            }
            assertThat(((OnnxPredictor) p).reusesTensors()).isTrue();
            assertThat(p.predictAll(List.of(Map.of("x", Long.MAX_VALUE), Map.of("x", -id))))
                    .extracting(Prediction::label).containsExactly(Long.toString(Long.MAX_VALUE), "-9007199254740993");
        }
    }

    @Test
    void manyThreadsShareOnePredictor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Predictor p = sumAndArgmin()) {
            List<Future<String>> labels = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int hot = i % 3;
                double[] a = new double[3];
                a[hot] = -1;
                labels.add(pool.submit(() -> p.predict(Map.of("a", a, "b", new double[3])).label()));
            }
            for (int i = 0; i < labels.size(); i++) {
                assertThat(labels.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(Integer.toString(i % 3));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
