package io.aidos.training.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.AiDosException;
import io.aidos.api.Task;
import io.aidos.training.internal.data.FeatureEncoder;
import io.aidos.training.internal.data.TargetEncoder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code aidos-model.json}: how to load a model ({@code flavor}), what it predicts, how its inputs and target are
 * encoded, and its provenance (dataset version and hash, algorithm, params, seed, library versions, run, time).
 */
public record ModelDescriptor(String flavor, Task task, String algorithm, FeatureEncoder features,
                              TargetEncoder target, ObjectNode provenance) {
    public static final String FILE = "aidos-model.json";
    public static final int FORMAT_VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path folder) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("flavor", flavor);
        o.put("format_version", FORMAT_VERSION);
        o.put("task", task.name());
        o.put("algorithm", algorithm);
        o.set("features", features.toJson());
        if (target != null) {
            o.set("target", target.toJson());
        }
        o.set("provenance", provenance);
        JSON.writeValue(folder.resolve(FILE).toFile(), o);
    }

    public static ModelDescriptor read(Path folder) {
        try {
            JsonNode o = JSON.readTree(folder.resolve(FILE).toFile());
            int format = o.path("format_version").asInt(0);
            if (format > FORMAT_VERSION) {
                throw new AiDosException("model descriptor " + folder.resolve(FILE) + " has format " + format
                        + "; this AI-DOS reads up to " + FORMAT_VERSION + " (upgrade aidos-training)");
            }
            Task task = Task.valueOf(o.get("task").asText());
            return new ModelDescriptor(o.get("flavor").asText(), task, o.get("algorithm").asText(),
                    FeatureEncoder.fromJson(o.get("features")),
                    o.has("target") ? TargetEncoder.fromJson(task, o.get("target")) : null,
                    (ObjectNode) o.path("provenance"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof AiDosException a) {
                throw a;
            }
            throw new AiDosException("could not read model descriptor " + folder.resolve(FILE) + ": "
                    + e.getMessage(), e);
        }
    }
}
