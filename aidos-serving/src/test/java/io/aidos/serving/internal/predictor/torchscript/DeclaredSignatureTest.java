package io.aidos.serving.internal.predictor.torchscript;

import io.aidos.api.AiDos;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.RowTensor;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** TorchScript models registered as folders with a signature.json beside the file. */
class DeclaredSignatureTest {
    @TempDir
    static Path dir;
    static AiDos aidos;
    static Predictor linear;
    static Predictor twoInputs;

    @BeforeAll
    static void open() throws IOException {
        aidos = AiDos.open("local:" + dir.resolve("store"));
        Path one = folder("one", """
                {"inputs": [{"name": "x", "datatype": "FP32", "shape": [-1, 3]}],
                 "outputs": [{"name": "y", "datatype": "FP32", "shape": [-1, 1]}]}""");
        TorchScriptFixtures.linear(TorchScriptPredictorTest.W, TorchScriptPredictorTest.B, one.resolve("model.pt"));
        linear = TorchScriptFixtures.load(aidos, "declared", one);

        Path two = folder("two", """
                {"task": "classification",
                 "inputs": [{"name": "a", "shape": [-1, 2]}, {"name": "b", "datatype": "FP64", "shape": [-1, -1]}]}""");
        TorchScriptFixtures.module("Pair", "a: Tensor, b: Tensor",
                "    return torch.add(a, torch.mul(b.float(), 2.0))", two.resolve("pair.pt"));
        twoInputs = TorchScriptFixtures.load(aidos, "pair", two);
    }

    @AfterAll
    static void close() {
        linear.close();
        twoInputs.close();
        aidos.close();
    }

    @Test
    void theSidecarNamesTheTensorsAndOneValuePerRowMeansRegression() {
        ModelSignature signature = ((TorchScriptPredictor) linear).signature();
        assertThat(signature.inputs()).containsExactly(TensorSpec.of("x", "FP32", -1, 3));
        assertThat(signature.outputs()).containsExactly(TensorSpec.of("y", "FP32", -1, 1));
        assertThat(linear.task()).isEqualTo(Task.REGRESSION);
        assertThat(linear.predict(Map.of("x", new double[] {1, 2, 3})).value())
                .isCloseTo(TorchScriptPredictorTest.expected(TorchScriptPredictorTest.W, TorchScriptPredictorTest.B,
                        1, 2, 3)[0], within(1e-5));
    }

    @Test
    void aDeclaredWidthIsCheckedBeforeTheModelRuns() {
        assertThatThrownBy(() -> linear.predictAll(List.of(Map.of("x", new double[] {1, 2, 3}),
                Map.of("x", new double[] {1, 2, 3, 4}))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input x of row 1 must have 3 values, for shape [-1, 3] but was '4 values'");
        assertThatThrownBy(() -> linear.predict(Map.of("x", new double[] {1, 2, 3}, "z", 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("row 0 names inputs the model does not have; it takes [x]");
    }

    @Test
    void eachInputIsTakenByNameInTheDeclaredOrderAndType() {
        Prediction p = twoInputs.predict(Map.of("b", List.of(3, -1), "a", new double[] {1, 2}));
        assertThat(twoInputs.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(p.label()).isEqualTo("0");
        assertThat(p.scores()).containsOnlyKeys("0", "1");
        assertThat(p.scores().get("0")).isCloseTo(7.0, within(1e-6));
        assertThat(p.scores().get("1")).isCloseTo(0.0, within(1e-6));
        assertThatThrownBy(() -> twoInputs.predict(Map.of("a", new double[] {1, 2})))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("input b is missing from row 0");
    }

    @Test
    void aSliceOfUnknownSizeMustHaveTheDeclaredRank() {
        assertThatThrownBy(() -> twoInputs.predict(Map.of("a", new double[] {1, 2},
                "b", new RowTensor(List.of(1L, 2L), new double[] {3, -1}))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input b of row 0 must fit shape [-1, -1] but was '[1, 2]'");
    }

    private static Path folder(String name, String signature) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("aidos-model.json"), "{\"flavor\": \"torchscript\"}");
        Files.writeString(folder.resolve(SignatureFile.NAME), signature);
        return folder;
    }
}
