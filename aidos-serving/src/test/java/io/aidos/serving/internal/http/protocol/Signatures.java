package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Model signatures and JSON helpers the codec tests share. */
final class Signatures {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Four FP64 features, classification. */
    static final ModelSignature IRIS = new ModelSignature(List.of(
            TensorSpec.of("sepal_length", "FP64", -1), TensorSpec.of("sepal_width", "FP64", -1),
            TensorSpec.of("petal_length", "FP64", -1), TensorSpec.of("petal_width", "FP64", -1)),
            List.of(TensorSpec.of("label", "BYTES", -1), TensorSpec.of("scores", "FP64", -1, -1)), true,
            Task.CLASSIFICATION);

    /** One column of each kind, regression. */
    static final ModelSignature HOUSES = new ModelSignature(List.of(
            TensorSpec.of("rooms", "FP64", -1), TensorSpec.of("city", "BYTES", -1),
            TensorSpec.of("garden", "BOOL", -1), TensorSpec.of("built", "INT64", -1)),
            List.of(TensorSpec.of("value", "FP64", -1)), true, Task.REGRESSION);

    /** A tensor model with one input whose rows are 2 x 3 matrices, classification-like. */
    static final ModelSignature IMAGE = new ModelSignature(List.of(TensorSpec.of("pixels", "FP32", -1, 2, 3)),
            List.of(TensorSpec.of("logits", "FP32", -1, 3)), false, Task.CLASSIFICATION);

    /** A tensor model with two inputs of four values per row, answering one value. */
    static final ModelSignature TOKENS = new ModelSignature(List.of(TensorSpec.of("ids", "INT64", -1, 4),
            TensorSpec.of("mask", "INT64", -1, 4)), List.of(TensorSpec.of("score", "FP32", -1)), false,
            Task.REGRESSION);

    /** A scikit-learn pipeline's graph: a number and a string column, each [N, 1], answering one value. */
    static final ModelSignature PIPELINE = new ModelSignature(List.of(TensorSpec.of("rooms", "FP32", -1, 1),
            TensorSpec.of("city", "BYTES", -1, 1)), List.of(TensorSpec.of("variable", "FP32", -1, 1)), false,
            Task.REGRESSION);

    private Signatures() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode tree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelSignature tabular(Task task) {
        return new ModelSignature(IRIS.inputs(), List.of(), true, task);
    }
}
