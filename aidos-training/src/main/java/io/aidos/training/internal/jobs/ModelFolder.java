package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.TrainingSpec;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.TrainingData;
import io.aidos.training.internal.model.ModelDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;

/** Writes a trained model's folder: its files, an ONNX graph where possible, and the descriptor. */
final class ModelFolder {
    /** Where a job's model lives among its run's artifacts, and what {@code registerAs} registers. */
    static final String ARTIFACT_PATH = "model";
    static final String ONNX_FILE = "model.onnx";

    private ModelFolder() {
    }

    /** Writes the folder; an ONNX graph only for algorithms whose library can export them ({@code tryOnnx}). */
    static Path write(Path folder, TrainedModel model, TrainingData data, TrainingSpec spec, ObjectNode provenance,
                      boolean tryOnnx, Consumer<String> log) throws IOException {
        Files.createDirectories(folder);
        model.save(folder);
        Path onnx = folder.resolve(ONNX_FILE);
        boolean exported = false;
        if (tryOnnx) {
            try {
                exported = model.exportOnnx(onnx);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(onnx);
                String why = String.valueOf(e.getMessage());
                log.accept("warning: ONNX export failed, the model is stored without it: "
                        + (why.length() > 300 ? why.substring(0, 300) + "..." : why));
            }
        }
        provenance.put("onnx", exported);
        new ModelDescriptor(model.flavor(), spec.task(), spec.algorithm(), data.features(), data.target(), provenance)
                .write(folder);
        return folder;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover scratch folder is harmless
        }
    }
}
