package io.aidos.core.internal.registry;

import io.aidos.api.AiDos;
import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.NotFoundException;
import io.aidos.api.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code Models.load} finds a model's format and says what is missing (no predictor module on this class path). */
class ModelLoadingTest {
    @TempDir
    Path temp;
    AiDos aidos;
    Run run;

    @BeforeEach
    void open() {
        aidos = AiDos.open("local:" + temp.resolve("store"));
        run = aidos.experiments().getOrCreate("e").startRun("r");
        run.logArtifact("weights.bin", new byte[] {1, 2, 3});
        run.logArtifact("outside.onnx", new byte[] {8, 1});
        run.logArtifact("trained/aidos-model.json", "{\"flavor\": \"tribuo\"}".getBytes(StandardCharsets.UTF_8));
        run.logArtifact("trained/model.tribuo", new byte[] {0});
        run.close();
    }

    @AfterEach
    void close() {
        aidos.close();
    }

    @Test
    void aDescriptorNamesTheFlavorAndTheMissingModuleIsNamed() {
        aidos.models().register("m", run.id(), "trained");
        assertThatThrownBy(() -> aidos.models().load("m", "1")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'tribuo'").hasMessageContaining("io.aidos:aidos-training");
        Path unpacked = temp.resolve("store/cache/models/m/1-" + run.id());
        assertThat(unpacked.resolve("aidos-model.json")).exists();
        assertThat(unpacked.resolve("model.tribuo")).hasBinaryContent(new byte[] {0});
    }

    @Test
    void anOutsideOnnxFileIsRecognisedByItsExtension() {
        aidos.models().register("onnx", run.id(), "outside.onnx");
        assertThatThrownBy(() -> aidos.models().load("onnx", "1")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'onnx'").hasMessageContaining("io.aidos:aidos-serving");
    }

    @Test
    void aFileWithoutDescriptorOrKnownExtensionSaysWhy() {
        aidos.models().register("raw", run.id(), "weights.bin");
        assertThatThrownBy(() -> aidos.models().load("raw", "1")).isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("aidos-model.json");
    }

    @Test
    void versionsAndAliasesAreResolvedAndBadOnesNamed() throws Exception {
        var mv = aidos.models().register("m", run.id(), "trained");
        aidos.models().get("m").setAlias("production", mv.version());
        assertThatThrownBy(() -> aidos.models().load("m", "production"))
                .isInstanceOf(BackendUnavailableException.class); // resolved to version 1, then needs the module
        assertThatThrownBy(() -> aidos.models().load("m", "2")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aidos.models().load("m", "staging")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aidos.models().load("nope", "1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aidos.models().load("m", "../x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> aidos.models().load(null)).isInstanceOf(InvalidInputException.class);
        try (var files = Files.list(temp.resolve("store/cache/models"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m"); // no temp folder left
        }
    }
}
