package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AiDosException;
import io.aidos.api.ArtifactInfo;
import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;
import io.aidos.spi.Extensions;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Downloads a registered version's files into {@code CACHE/models/NAME/VERSION-RUN} (once: built in a temp
 * folder, then renamed) and loads it with the {@link io.aidos.spi.PredictorProvider} for its flavor, as the
 * embedded backend does. The cache is {@code AiDosConfig.artifactRoot()/cache} when set, else
 * {@code java.io.tmpdir/aidos-client-cache}.
 */
final class ModelCache {
    private static final String DESCRIPTOR = "aidos-model.json";
    private final Rest rest;
    private final Path root;

    ModelCache(Rest rest, Path root) {
        this.rest = rest;
        this.root = root;
    }

    static Path folder(AiDosConfig config) {
        return config.artifactRoot().map(p -> p.resolve("cache"))
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "aidos-client-cache"));
    }

    Predictor load(ModelVersion v) {
        Path folder = folder(v);
        String flavor = flavor(v, folder);
        return Extensions.predictors(flavor).load(flavor, folder, root, v);
    }

    private Path folder(ModelVersion v) {
        Path target = root.resolve("models").resolve(v.modelName()).resolve(v.version() + "-" + v.runId());
        if (Files.isDirectory(target)) {
            return target;
        }
        RunArtifacts artifacts = new RunArtifacts(rest, v.runId());
        String p = v.artifactPath();
        List<ArtifactInfo> files = artifacts.list().stream()
                .filter(a -> a.path().equals(p) || a.path().startsWith(p + "/")).toList();
        if (files.isEmpty()) {
            throw new ArtifactNotFoundException(p, "model " + v.modelName() + " version " + v.version()
                    + " points at run " + v.runId() + " artifact '" + p + "', which has no files");
        }
        Path tmp = root.resolve("models").resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            for (ArtifactInfo a : files) {
                String relative = a.path().equals(p) ? p.substring(p.lastIndexOf('/') + 1)
                        : a.path().substring(p.length() + 1);
                Path file = tmp.resolve(relative).normalize();
                Files.createDirectories(file.getParent());
                artifacts.download(a.path(), file);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                     | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(tmp);
            }
            return target;
        } catch (IOException e) {
            deleteTree(tmp);
            throw new AiDosException("could not download model " + v.modelName() + " version " + v.version()
                    + " into " + target + ": " + e.getMessage(), e);
        }
    }

    private static String flavor(ModelVersion v, Path folder) {
        Path descriptor = folder.resolve(DESCRIPTOR);
        if (Files.isRegularFile(descriptor)) {
            try {
                JsonNode flavor = Json.MAPPER.readTree(descriptor.toFile()).get("flavor");
                if (flavor != null && flavor.isTextual()) {
                    return flavor.asText();
                }
            } catch (IOException e) {
                throw new AiDosException("the descriptor of model " + v.modelName() + " version " + v.version()
                        + " is not valid JSON: " + e.getMessage(), e);
            }
        }
        String lower = v.artifactPath().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx")) {
            return "onnx";
        }
        if (lower.endsWith(".pt") || lower.endsWith(".torchscript")) {
            return "torchscript";
        }
        throw new ArtifactNotFoundException(v.artifactPath() + "/" + DESCRIPTOR, "model " + v.modelName()
                + " version " + v.version() + " has no " + DESCRIPTOR + " and is not an .onnx or TorchScript (.pt)"
                + " file, so AI-DOS cannot tell how to load it");
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp folder is harmless
        }
    }
}
