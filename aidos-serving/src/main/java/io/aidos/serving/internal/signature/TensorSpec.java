package io.aidos.serving.internal.signature;

import java.util.List;
import java.util.Objects;

/**
 * One input or output tensor of a model, in the Open Inference Protocol's terms.
 *
 * @param datatype OIP datatype: {@code BOOL}, {@code INT32}, {@code INT64}, {@code FP32}, {@code FP64}, {@code BYTES}
 * @param shape dimensions with the batch first; {@code -1} for a dimension of any size
 */
public record TensorSpec(String name, String datatype, List<Long> shape) {
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        shape = List.copyOf(shape);
    }

    public static TensorSpec of(String name, String datatype, long... shape) {
        return new TensorSpec(name, datatype, java.util.Arrays.stream(shape).boxed().toList());
    }

    /** How many values one row (one batch entry) holds, or -1 if a dimension after the batch is unknown. */
    public long valuesPerRow() {
        long n = 1;
        for (int i = 1; i < shape.size(); i++) {
            if (shape.get(i) < 0) {
                return -1;
            }
            n *= shape.get(i);
        }
        return n;
    }
}
