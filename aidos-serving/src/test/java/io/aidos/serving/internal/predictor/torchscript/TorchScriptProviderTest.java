package io.aidos.serving.internal.predictor.torchscript;

import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Task;
import io.aidos.spi.Extensions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding the provider, the model file and the sidecar, without starting PyTorch. */
class TorchScriptProviderTest {
    static final ModelVersion VERSION = new ModelVersion("m", 2, "run", "m", Instant.EPOCH);

    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsTheProviderForTheTorchScriptFlavor() {
        assertThat(Extensions.predictors("torchscript")).isInstanceOf(TorchScriptProvider.class);
        TorchScriptProvider provider = new TorchScriptProvider();
        assertThat(provider.supports("TorchScript")).isTrue();
        assertThat(provider.supports("onnx")).isFalse();
    }

    @Test
    void theFolderMustHoldExactlyOneTorchScriptFile() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> TorchScriptProvider.modelFile(dir, VERSION))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("model m version 2 must hold exactly one TorchScript file (.pt or .torchscript)"
                        + " but was '[]'");
        Files.writeString(dir.resolve("b.torchscript"), "x");
        assertThat(TorchScriptProvider.modelFile(dir, VERSION)).isEqualTo(dir.resolve("b.torchscript"));
        Files.writeString(dir.resolve("a.PT"), "x");
        assertThatThrownBy(() -> TorchScriptProvider.modelFile(dir, VERSION))
                .hasMessageContaining("but was '[a.PT, b.torchscript]'");
    }

    @Test
    void withoutASidecarTheSignatureIsOneFp32InputAndOutput() {
        assertThat(SignatureFile.read(dir)).isEqualTo(SignatureFile.standard());
        assertThat(SignatureFile.standard().task()).isEqualTo(Task.CLASSIFICATION);
    }

    @Test
    void aBadSidecarIsRejectedNamingTheField() throws IOException {
        Path file = dir.resolve(SignatureFile.NAME);
        Files.writeString(file, "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"BYTES\"}]}");
        assertThatThrownBy(() -> SignatureFile.read(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("signature.json inputs[0].datatype must be one of");
        Files.writeString(file, "{\"inputs\": [{\"name\": \"x\", \"shape\": [-1, 0]}]}");
        assertThatThrownBy(() -> SignatureFile.read(dir))
                .hasMessageStartingWith("signature.json inputs[0].shape must hold positive sizes or -1");
        Files.writeString(file, "{\"inputs\": []}");
        assertThatThrownBy(() -> SignatureFile.read(dir))
                .hasMessageStartingWith("signature.json inputs must be a non-empty array of tensors");
        Files.writeString(file, "{\"task\": \"ranking\", \"inputs\": [{\"name\": \"x\"}]}");
        assertThatThrownBy(() -> SignatureFile.read(dir)).hasMessageStartingWith("signature.json task must be one of");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> SignatureFile.read(dir)).hasMessageStartingWith("signature.json is not valid JSON");
    }
}
