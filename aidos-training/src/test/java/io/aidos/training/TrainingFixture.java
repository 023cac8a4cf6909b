package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.DatasetVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Stores and data for the training tests. */
public final class TrainingFixture {

    private TrainingFixture() {
    }

    public static AiDos open(Path folder, int workers) {
        return AiDos.open(AiDosConfig.builder().uri("local:" + folder).trainingWorkers(workers).build());
    }

    /** Imports a data set shipped in aidos-api's test-jar ({@code /data/NAME.csv}) as dataset {@code NAME}. */
    public static DatasetVersion importBundled(AiDos aidos, String name, Path tempDir) {
        Path file = tempDir.resolve(name + ".csv");
        try (InputStream in = TrainingFixture.class.getResourceAsStream("/data/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("test resource /data/" + name + ".csv is missing");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return aidos.datasets().create(name).fromCsv(file).commit("test data");
    }

    /** A file of ../shared/data, when the team's data folder is beside the project. */
    public static Optional<Path> shared(String name) {
        for (Path candidate : new Path[] {Path.of("..", "shared", "data", name),
                Path.of("..", "..", "shared", "data", name)}) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
