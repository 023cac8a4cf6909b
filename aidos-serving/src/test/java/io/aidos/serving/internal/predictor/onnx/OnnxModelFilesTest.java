package io.aidos.serving.internal.predictor.onnx;

import io.aidos.api.AiDos;
import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Row;
import io.aidos.api.Run;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Which files an onnx-flavored version may hold, and a regression graph read as values. */
class OnnxModelFilesTest {
    private static final byte[] ONNX_FLAVOR = "{\"flavor\": \"onnx\"}".getBytes(StandardCharsets.UTF_8);
    @TempDir
    static Path temp;
    static AiDos aidos;
    static IrisGraph regression;

    @BeforeAll
    static void train() throws Exception {
        aidos = IrisGraph.open(temp.resolve("store"));
        IrisGraph.importIris(aidos, temp);
        regression = IrisGraph.train(aidos, "linear-regression", "Petal.Width", Task.REGRESSION, "width", temp);
        regression.registerAsOutsideFile(aidos, "width-onnx");
    }

    @AfterAll
    static void closeStore() {
        aidos.close();
    }

    @Test
    void aRegressionGraphGivesOneStandardisedValuePerRow() {
        try (Predictor onnx = aidos.models().load("width-onnx", "1");
             Predictor tribuo = aidos.models().load("width", "1")) {
            assertThat(onnx.task()).isEqualTo(Task.REGRESSION);
            assertThat(((OnnxPredictor) onnx).signature().outputs()).singleElement()
                    .extracting(TensorSpec::datatype, TensorSpec::shape).containsExactly("FP32", List.of(-1L, 1L));
            for (Row row : regression.rows()) {
                Prediction p = onnx.predict(Map.of("input", regression.encode(row)));
                assertThat(p.label()).isNull();
                // The graph answers in standardised target units: AI-DOS trains on (y - mean) / scale.
                assertThat(regression.target().decodeValue(p.value()))
                        .isCloseTo(tribuo.predict(row.asMap()).value(), within(1e-5));
            }
        }
    }

    @Test
    void aFolderWithOneGraphAnywhereInItLoads() {
        register("bundle", Map.of("bundle/aidos-model.json", ONNX_FLAVOR, "bundle/graph/iris.onnx", regression.onnx(),
                "bundle/README.txt", "notes".getBytes(StandardCharsets.UTF_8)));
        try (Predictor p = aidos.models().load("bundle", "1")) {
            assertThat(p).isInstanceOf(OnnxPredictor.class);
            assertThat(p.predict(Map.of("x", regression.encode(regression.rows().get(0)))).value()).isFinite();
        }
    }

    @Test
    void aFolderWithoutAGraphIsAClearError() {
        register("no-graph", Map.of("empty/aidos-model.json", ONNX_FLAVOR,
                "empty/README.txt", "notes".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> aidos.models().load("no-graph", "1")).isInstanceOf(ArtifactNotFoundException.class)
                .hasMessage("model no-graph version 1 has flavor onnx but its artifact 'empty' holds no .onnx file");
    }

    @Test
    void aFolderWithTwoGraphsIsAClearError() {
        register("two-graphs", Map.of("two/aidos-model.json", ONNX_FLAVOR, "two/a.onnx", regression.onnx(),
                "two/nested/b.onnx", regression.onnx()));
        assertThatThrownBy(() -> aidos.models().load("two-graphs", "1")).isInstanceOf(InvalidInputException.class)
                .hasMessage("model two-graphs version 1 must hold exactly one .onnx file to serve (register the one"
                        + " graph, or a folder with one) but was '[a.onnx, nested/b.onnx]'");
    }

    @Test
    void anEmptyFolderGivenToTheProviderIsAClearError() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty-folder"));
        ModelVersion version = new ModelVersion("outside", 3, "0".repeat(32), "model.onnx", Instant.now());
        assertThatThrownBy(() -> new OnnxPredictors().load("onnx", empty, temp, version))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("model outside version 3").hasMessageContaining("holds no .onnx file");
    }

    @Test
    void aFileThatIsNotAnOnnxGraphIsInvalidInput() {
        register("garbage", Map.of("garbage.onnx", "not a graph".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> aidos.models().load("garbage", "1")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("model garbage version 1 file garbage.onnx could not be loaded by ONNX Runtime");
    }

    @Test
    void theProviderServesFlavorOnnxWithOneIntraOpThreadUnlessTold() {
        OnnxPredictors provider = new OnnxPredictors();
        assertThat(provider.name()).isEqualTo("onnx-runtime");
        assertThat(provider.supports("onnx")).isTrue();
        assertThat(provider.supports("tribuo")).isFalse();
        assertThat(OnnxPredictors.intraOpThreads(null)).isEqualTo(1);
        assertThat(OnnxPredictors.intraOpThreads(" 4 ")).isEqualTo(4);
        assertThat(OnnxPredictors.intraOpThreads("0")).isZero();
        assertThatThrownBy(() -> OnnxPredictors.intraOpThreads("-2")).isInstanceOf(InvalidInputException.class)
                .hasMessage("aidos.onnx.intraOpThreads must be an integer >= 0 but was '-2'");
        assertThatThrownBy(() -> OnnxPredictors.intraOpThreads("many")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sessionsSkipTheCpuArenaUnlessTold() {
        assertThat(OnnxPredictors.cpuArena(null)).isFalse();
        assertThat(OnnxPredictors.cpuArena(" false")).isFalse();
        assertThat(OnnxPredictors.cpuArena("TRUE ")).isTrue();
        assertThatThrownBy(() -> OnnxPredictors.cpuArena("yes")).isInstanceOf(InvalidInputException.class)
                .hasMessage("aidos.onnx.cpuArena must be true or false but was 'yes'");
    }

    private static void register(String name, Map<String, byte[]> files) {
        try (Run run = aidos.experiments().getOrCreate("onnx-files").startRun()) {
            files.forEach(run::logArtifact);
            String path = files.keySet().iterator().next();
            aidos.models().register(name, run.id(), path.contains("/") ? path.substring(0, path.indexOf('/')) : path);
        }
    }
}
