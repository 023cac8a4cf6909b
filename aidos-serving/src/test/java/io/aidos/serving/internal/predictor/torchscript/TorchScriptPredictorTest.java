package io.aidos.serving.internal.predictor.torchscript;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosException;
import io.aidos.api.Column;
import io.aidos.api.ColumnType;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Real TorchScript files (hand-written archives) registered in a local store and served through DJL's PyTorch. */
class TorchScriptPredictorTest {
    static final float[][] W = {{0.5f, -1.25f, 2.0f}};
    static final float[] B = {0.75f};
    static final float[][] W3 = {{1f, 0f}, {0f, 1f}, {-1f, -1f}};
    static final float[] B3 = {0f, 0.5f, 0.25f};

    @TempDir
    static Path dir;
    static AiDos aidos;
    static Predictor regression;
    static Predictor classes;

    @BeforeAll
    static void open() {
        aidos = AiDos.open("local:" + dir.resolve("store"));
        regression = load("linear", TorchScriptFixtures.linear(W, B, dir.resolve("linear.pt")));
        classes = load("three", TorchScriptFixtures.linear(W3, B3, dir.resolve("three.torchscript")));
    }

    @AfterAll
    static void close() {
        regression.close();
        classes.close();
        aidos.close();
    }

    @Test
    void aRegisteredPtFileLoadsAsATorchScriptPredictorWithTheStandardSignature() {
        assertThat(regression).isInstanceOf(TorchScriptPredictor.class);
        assertThat(regression.modelVersion().modelName()).isEqualTo("linear");
        assertThat(regression.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(regression.inputs()).containsExactly(new Column("input0", ColumnType.DOUBLE));
        ModelSignature signature = ((TorchScriptPredictor) regression).signature();
        assertThat(signature.inputs()).containsExactly(TensorSpec.of("input0", "FP32", -1, -1));
        assertThat(signature.outputs()).containsExactly(TensorSpec.of("output0", "FP32", -1, -1));
        assertThat(signature.tabular()).isFalse();
    }

    @Test
    void predictsXTimesWTransposedPlusBWhateverFormTheRowHas() {
        assertThat(regression.predict(Map.of("input0", new double[] {1, 2, 3})).value())
                .isCloseTo(expected(W, B, 1, 2, 3)[0], within(1e-5));
        assertThat(regression.predict(Map.of("x", List.of(-1.5, 0.25, 4))).value())
                .isCloseTo(expected(W, B, -1.5, 0.25, 4)[0], within(1e-5));
        assertThat(regression.predict(Map.of("features", new float[] {0, 0, 0})).value())
                .isCloseTo(0.75, within(1e-6));
        Prediction fromInts = regression.predict(Map.of("x", new int[] {2, -3, 1}));
        assertThat(fromInts.value()).isCloseTo(7.5, within(1e-6));
        assertThat(fromInts.label()).isNull();
    }

    @Test
    void predictAllAnswersEachRowInOrder() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(Map.of("input0", new double[] {i, -i / 2.0, 0.1 * i}));
        }
        List<Prediction> all = regression.predictAll(rows);
        assertThat(all).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(all.get(i).value()).as("row %d", i)
                    .isCloseTo(expected(W, B, i, -i / 2.0, 0.1 * i)[0], within(1e-5));
        }
        assertThat(regression.predictAll(List.of())).isEmpty();
    }

    @Test
    void severalValuesPerRowAreScoresLabelledByTheHighest() {
        Prediction p = classes.predict(Map.of("x", new double[] {0.2, 0.3}));
        double[] e = expected(W3, B3, 0.2, 0.3);
        assertThat(p.label()).isEqualTo("1");
        assertThat(p.scores()).containsOnlyKeys("0", "1", "2");
        for (int k = 0; k < 3; k++) {
            assertThat(p.scores().get(Integer.toString(k))).isCloseTo(e[k], within(1e-5));
        }
        assertThat(classes.predict(Map.of("x", new double[] {2, 0})).label()).isEqualTo("0");
        assertThat(classes.predict(Map.of("x", new double[] {-3, -4})).label()).isEqualTo("2");
        assertThat(Double.isNaN(p.value())).isTrue();
    }

    @Test
    void aRowTheModelCannotTakeIsRejectedNamingTheInput() {
        assertThatThrownBy(() -> regression.predict(Map.of("x", new double[] {1, 2})))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input input0 was rejected by the TorchScript model: ")
                .hasMessageEndingWith("RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 3x1)")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("input input0"));
        assertThat(regression.predict(Map.of("x", new double[] {1, 2, 3})).value()).isFinite();
    }

    @Test
    void rowsOfDifferentShapesInOneCallNameTheRow() {
        assertThatThrownBy(() -> regression.predictAll(List.of(Map.of("x", new double[] {1, 2, 3}),
                Map.of("x", new double[] {1, 2}))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input input0 of row 1 must have the same shape as row 0, [3] but was '[2]'");
    }

    @Test
    void missingUnreadableAndUnknownInputsAreNamed() {
        assertThatThrownBy(() -> regression.predict(Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input input0 is missing from row 0 but was '[]'");
        assertThatThrownBy(() -> regression.predict(Map.of("x", "1,2,3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input input0 must be a number, a numeric array or list, or a RowTensor");
        assertThatThrownBy(() -> regression.predict(Map.of("input0", new double[] {1, 2, 3}, "extra", 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("row 0 names inputs the model does not have; it takes [input0]");
    }

    @Test
    void isThreadSafeUnderFourThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                tasks.add(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        double a = thread + i / 100.0;
                        double b = -thread * 0.5 + i / 300.0;
                        double got = regression.predict(Map.of("x", new double[] {a, b, 1})).value();
                        double want = expected(W, B, a, b, 1)[0];
                        if (Math.abs(got - want) > 1e-5) {
                            mismatches.add("thread " + thread + " call " + i + ": " + got + " != " + want);
                        }
                    }
                    return mismatches;
                });
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                mismatches.addAll(f.get());
            }
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeIsIdempotentAndAClosedPredictorRefusesCalls() {
        Predictor p = aidos.models().load("linear", "1");
        assertThat(p.predict(Map.of("x", new double[] {1, 1, 1})).value()).isCloseTo(2.0, within(1e-6));
        p.close();
        p.close();
        assertThatThrownBy(() -> p.predict(Map.of("x", new double[] {1, 1, 1})))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(regression.predict(Map.of("x", new double[] {1, 1, 1})).value()).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void aFileThatIsNotTorchScriptFailsToLoadNamingTheModel() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.pt"), "not a zip archive");
        assertThatThrownBy(() -> load("bad", bad))
                .isInstanceOf(AiDosException.class)
                .hasMessageStartingWith("could not load TorchScript model bad version 1 from bad.pt: ");
    }

    static Predictor load(String name, Path file) {
        return TorchScriptFixtures.load(aidos, name, file);
    }

    /** {@code x · weightsᵀ + bias}, in double. */
    static double[] expected(float[][] weights, float[] bias, double... x) {
        double[] y = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            y[k] = bias[k];
            for (int j = 0; j < x.length; j++) {
                y[k] += weights[k][j] * x[j];
            }
        }
        return y;
    }
}
