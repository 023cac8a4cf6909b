package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.aidos.api.AiDos;
import io.aidos.api.Column;
import io.aidos.api.ColumnType;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Row;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** An outside .onnx file (the graph aidos-training exports for logistic regression) served through the registry. */
class OnnxPredictorTest {
    @TempDir
    static Path temp;
    static AiDos aidos;
    static IrisGraph iris;

    @BeforeAll
    static void trainAndRegister() throws Exception {
        aidos = IrisGraph.open(temp.resolve("store"));
        IrisGraph.importIris(aidos, temp);
        iris = IrisGraph.train(aidos, "logistic-regression", "Species", Task.CLASSIFICATION, "iris", temp);
        iris.registerAsOutsideFile(aidos, "iris-onnx");
    }

    @AfterAll
    static void closeStore() {
        aidos.close();
    }

    @Test
    void anOutsideOnnxFileLoadsAsAnOnnxPredictorWithTheGraphsSignature() {
        try (Predictor p = aidos.models().load("iris-onnx", "1")) {
            assertThat(p).isInstanceOf(OnnxPredictor.class);
            assertThat(p.modelVersion().modelName()).isEqualTo("iris-onnx");
            assertThat(p.modelVersion().version()).isEqualTo(1);
            assertThat(p.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(p.inputs()).containsExactly(new Column("input", ColumnType.DOUBLE));
            ModelSignature signature = ((OnnxPredictor) p).signature();
            assertThat(signature.tabular()).isFalse();
            assertThat(signature.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(signature.inputs()).containsExactly(TensorSpec.of("input", "FP32", -1, 4));
            assertThat(signature.outputs()).containsExactly(TensorSpec.of("output", "FP32", -1, 3));
            assertThat(ModelSignature.of(p)).isEqualTo(signature);
        }
    }

    @Test
    void probabilitiesAreOnnxRuntimesAndLabelsAreTribuos() throws Exception {
        List<Row> rows = iris.rows();
        assertThat(rows).hasSize(150);
        float[][] x = new float[rows.size()][];
        List<Map<String, Object>> encoded = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = iris.encode(rows.get(i));
            encoded.add(Map.of("input", x[i]));
        }
        float[][] direct;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(iris.onnx());
             OnnxTensor input = OnnxTensor.createTensor(env, x);
             OrtSession.Result out = session.run(Map.of("input", input))) {
            direct = (float[][]) out.get(0).getValue();
        }
        try (Predictor onnx = aidos.models().load("iris-onnx", "1");
             Predictor tribuo = aidos.models().load("iris", "1")) {
            List<Prediction> predictions = onnx.predictAll(encoded);
            for (int i = 0; i < rows.size(); i++) {
                Prediction p = predictions.get(i);
                assertThat(p.scores()).containsOnlyKeys("0", "1", "2");
                int best = 0;
                for (int k = 0; k < 3; k++) {
                    assertThat(p.scores().get(Integer.toString(k))).isCloseTo(direct[i][k], within(1e-5));
                    best = direct[i][k] > direct[i][best] ? k : best;
                }
                assertThat(p.label()).isEqualTo(Integer.toString(best));
                String tribuoLabel = tribuo.predict(rows.get(i).asMap()).label();
                assertThat(iris.outputs().get(Integer.parseInt(p.label()))).as("row %d", i).isEqualTo(tribuoLabel);
            }
        }
    }

    @Test
    void predictAllGivesWhatSinglePredictsGive() {
        try (Predictor p = aidos.models().load("iris-onnx", "1")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row row : iris.rows()) {
                rows.add(Map.of("input", iris.encode(row)));
            }
            List<Prediction> batch = p.predictAll(rows);
            assertThat(batch).hasSize(150);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(batch.get(i)).as("row %d", i).isEqualTo(p.predict(rows.get(i)));
            }
            assertThat(p.predictAll(List.of())).isEmpty();
        }
    }

    @Test
    void concurrentPredictionsOnOneSessionEachGetTheirOwnRowsAnswerWithOrWithoutTheArena() throws Exception {
        for (String arena : new String[] {null, "true"}) {
            if (arena != null) {
                System.setProperty(OnnxPredictors.CPU_ARENA_PROPERTY, arena);
            }
            try (Predictor p = aidos.models().load("iris-onnx", "1")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Row row : iris.rows()) {
                    rows.add(Map.of("input", iris.encode(row)));
                }
                List<Prediction> expected = p.predictAll(rows);
                List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t;
                    threads.add(new Thread(() -> {
                        try {
                            for (int n = 0; n < 2_000; n++) {
                                int i = (offset * 37 + n) % rows.size();
                                assertThat(p.predict(rows.get(i))).as("row %d", i).isEqualTo(expected.get(i));
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
                }
                threads.forEach(Thread::start);
                for (Thread t : threads) {
                    t.join();
                }
                assertThat(failures).as("arena %s", arena).isEmpty();
            } finally {
                System.clearProperty(OnnxPredictors.CPU_ARENA_PROPERTY);
            }
        }
    }

    @Test
    void aSingleInputGraphTakesARowUnderAnyOneNameAndAnyNumericForm() {
        float[] x = iris.encode(iris.rows().get(120));
        double[] asDoubles = new double[x.length];
        List<Double> asList = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            asDoubles[i] = x[i];
            asList.add((double) x[i]);
        }
        try (Predictor p = aidos.models().load("iris-onnx", "1")) {
            Prediction expected = p.predict(Map.of("input", x));
            assertThat(p.predict(Map.of("features", asDoubles))).isEqualTo(expected);
            assertThat(p.predict(Map.of("input", asList))).isEqualTo(expected);
            assertThat(iris.outputs().get(Integer.parseInt(expected.label()))).isEqualTo("virginica");
        }
    }

    @Test
    void badRowsAreInvalidInputNamingTheInputAndTheProblem() {
        float[] x = iris.encode(iris.rows().get(0));
        try (Predictor p = aidos.models().load("iris-onnx", "1")) {
            assertThatThrownBy(() -> p.predict(Map.of()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("input input is missing");
            assertThatThrownBy(() -> p.predict(Map.of("input", x, "extra", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not an input of model iris-onnx version 1").hasMessageContaining("extra");
            assertThatThrownBy(() -> p.predict(Map.of("input", new double[] {1, 2, 3})))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("input input must hold 4 values per row (the graph's shape is [-1, 4])"
                            + " but was '3 values'");
            assertThatThrownBy(() -> p.predict(Map.of("input", List.of(1.0, 2.0, "wide", 4.0))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("input input must hold only numbers but was 'wide'");
            assertThatThrownBy(() -> p.predict(Map.of("input", "5.1,3.5,1.4,0.2")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("input input must be a number, a numeric array or list");
            assertThatThrownBy(() -> p.predictAll(List.of(Map.of("input", x), Map.of("input", new float[5]))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("input input in row 1 must hold 4 values per row");
        }
    }

    @Test
    void aClosedPredictorRefusesToPredictAndClosesOnce() {
        Predictor p = aidos.models().load("iris-onnx", "1");
        Map<String, float[]> row = Map.of("input", iris.encode(iris.rows().get(0)));
        assertThat(p.predict(row).label()).isNotNull();
        p.close();
        p.close();
        assertThatThrownBy(() -> p.predict(row)).isInstanceOf(IllegalStateException.class)
                .hasMessage("predictor for model iris-onnx version 1 is closed");
    }
}
