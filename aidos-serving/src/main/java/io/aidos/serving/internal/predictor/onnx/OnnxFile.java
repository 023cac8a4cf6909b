package io.aidos.serving.internal.predictor.onnx;

import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the one {@code .onnx} graph among a registered version's files (a file registered as is, or a folder). */
final class OnnxFile {
    private OnnxFile() {
    }

    static Path find(Path directory, ModelVersion version) {
        List<Path> graphs;
        try (Stream<Path> files = Files.walk(directory)) {
            graphs = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of model " + describe(version) + " in " + directory
                    + ": " + e.getMessage(), e);
        }
        if (graphs.isEmpty()) {
            throw new ArtifactNotFoundException(version.artifactPath(), "model " + describe(version)
                    + " has flavor onnx but its artifact '" + version.artifactPath() + "' holds no .onnx file");
        }
        if (graphs.size() > 1) {
            throw new InvalidInputException("model " + describe(version), graphs.stream()
                    .map(g -> directory.relativize(g).toString().replace('\\', '/')).toList(),
                    "must hold exactly one .onnx file to serve (register the one graph, or a folder with one)");
        }
        return graphs.get(0);
    }

    private static String describe(ModelVersion version) {
        return version.modelName() + " version " + version.version();
    }
}
