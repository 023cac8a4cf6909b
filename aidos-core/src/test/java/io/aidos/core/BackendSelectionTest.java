package io.aidos.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code AiDos.open} picks (or cannot pick) a backend. */
class BackendSelectionTest {
    @TempDir
    Path temp;

    @Test
    void localAndExplicitProvidersOpen() {
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("a"))) {
            assertThat(aidos.uri()).startsWith("local:");
        }
        try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri("local:" + temp.resolve("b")).build(),
                new LocalBackendProvider())) {
            assertThat(aidos.experiments().list()).isEmpty();
        }
    }

    @Test
    void aKnownSchemeWithoutItsArtifactNamesTheArtifact() {
        assertThatThrownBy(() -> AiDos.open("http://127.0.0.1:1")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("io.aidos:aidos-client");
    }

    @Test
    void trainingAndTribuoModelsWithoutTheTrainingModuleNameItsArtifact() {
        // aidos-core's own tests run without aidos-training on the class path, as a user's project might.
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("c"))) {
            assertThatThrownBy(aidos::trainer).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("io.aidos:aidos-training");
            assertThatThrownBy(() -> io.aidos.spi.Extensions.predictors("tribuo"))
                    .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("io.aidos:aidos-training");
            assertThatThrownBy(() -> io.aidos.spi.Extensions.predictors("onnx"))
                    .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("io.aidos:aidos-serving");
        }
    }

    @Test
    void anUnknownSchemeIsInvalidInput() {
        assertThatThrownBy(() -> AiDos.open("mongodb://x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown scheme");
        assertThatThrownBy(() -> AiDos.open("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AiDos.open((String) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AiDos.open(AiDosConfig.builder().uri("mongodb://x").build(), new LocalBackendProvider()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnreachableDatabaseIsUnavailableAndTheApiKeyNeverShows() {
        AiDosConfig config = AiDosConfig.builder().uri("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret")
                .apiKey("sk-very-secret").connectTimeout(java.time.Duration.ofMillis(500)).build();
        assertThat(config.toString()).doesNotContain("sk-very-secret");
        assertThatThrownBy(() -> AiDos.open(config)).isInstanceOf(BackendUnavailableException.class)
                .message().doesNotContain("secret");
    }
}
