package io.aidos.serving.internal.predictor.torchscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The signature of a TorchScript model. A TorchScript file names no inputs, so without a sidecar it is one input
 * {@code input0} FP32 {@code [-1, -1]} and one output {@code output0} FP32 {@code [-1, -1]}, task CLASSIFICATION.
 * A {@code signature.json} beside the file replaces that:
 * <pre>{"task": "REGRESSION",
 *  "inputs":  [{"name": "x", "datatype": "FP32", "shape": [-1, 4]}],
 *  "outputs": [{"name": "y", "datatype": "FP32", "shape": [-1, 1]}]}</pre>
 * {@code task} is optional: without it, outputs declaring one value per row mean REGRESSION, else CLASSIFICATION.
 */
final class SignatureFile {
    static final String NAME = "signature.json";
    /** The input datatypes a request can be converted to. */
    static final Set<String> INPUT_TYPES = Set.of("FP32", "FP64", "INT32", "INT64");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignatureFile() {
    }

    static ModelSignature standard() {
        return new ModelSignature(List.of(TensorSpec.of("input0", "FP32", -1, -1)),
                List.of(TensorSpec.of("output0", "FP32", -1, -1)), false, Task.CLASSIFICATION);
    }

    /** Whether {@code folder} declares its signature. */
    static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve(NAME));
    }

    /** The declared signature in {@code folder}, or {@link #standard()} when there is no sidecar. */
    static ModelSignature read(Path folder) {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return standard();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(NAME, "is not valid JSON: " + e.getMessage(), e);
        }
        List<TensorSpec> inputs = specs(root, "inputs", true);
        List<TensorSpec> outputs = root.has("outputs") ? specs(root, "outputs", false)
                : standard().outputs();
        return new ModelSignature(inputs, outputs, false, task(root.get("task"), outputs));
    }

    private static List<TensorSpec> specs(JsonNode root, String field, boolean inputs) {
        JsonNode list = root.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidInputException(NAME + " " + field, list, "must be a non-empty array of tensors");
        }
        List<TensorSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = NAME + " " + field + "[" + i + "]";
            JsonNode t = list.get(i);
            JsonNode name = t.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new InvalidInputException(where + ".name", name, "must be a non-blank string");
            }
            String type = t.hasNonNull("datatype") ? t.get("datatype").asText().toUpperCase(Locale.ROOT) : "FP32";
            if (inputs && !INPUT_TYPES.contains(type)) {
                throw new InvalidInputException(where + ".datatype", type, "must be one of " + INPUT_TYPES);
            }
            specs.add(new TensorSpec(name.asText(), type, shape(where, t.get("shape"))));
        }
        return specs;
    }

    private static List<Long> shape(String where, JsonNode shape) {
        if (shape == null) {
            return List.of(-1L, -1L);
        }
        if (!shape.isArray() || shape.isEmpty()) {
            throw new InvalidInputException(where + ".shape", shape, "must be an array of dimensions, batch first");
        }
        List<Long> dims = new ArrayList<>();
        for (JsonNode d : shape) {
            if (!d.isIntegralNumber() || d.asLong() < -1 || d.asLong() == 0) {
                throw new InvalidInputException(where + ".shape", shape, "must hold positive sizes or -1");
            }
            dims.add(d.asLong());
        }
        return dims;
    }

    private static Task task(JsonNode task, List<TensorSpec> outputs) {
        if (task == null || task.isNull()) {
            return outputs.get(0).valuesPerRow() == 1 ? Task.REGRESSION : Task.CLASSIFICATION;
        }
        try {
            return Task.valueOf(task.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(NAME + " task", task.asText(), "must be one of "
                    + List.of(Task.values()));
        }
    }
}
