package io.aidos.serving.internal.predictor.onnx;

import io.aidos.api.InvalidInputException;
import io.aidos.serving.internal.signature.RowTensor;

/**
 * The shape of one row's slice of an input: the graph's dimensions after the batch, with an open dimension filled in
 * from the values given. A flat array fits a slice with at most one open dimension; a {@link RowTensor} carries its
 * own shape, which must agree with the graph's fixed dimensions.
 */
final class RowShapes {
    private RowShapes() {
    }

    /** A tensor's shape: {@code rows}, then the dimensions of one row's {@code slice}. */
    static long[] withBatch(long rows, long[] slice) {
        long[] shape = new long[slice.length + 1];
        shape[0] = rows;
        System.arraycopy(slice, 0, shape, 1, slice.length);
        return shape;
    }

    /**
     * The slice shape of {@code value} ({@code length} values) for {@code input}, or an
     * {@link InvalidInputException} naming {@code field} (the input, and the row where there are several).
     */
    static long[] resolve(GraphInput input, String field, Object value, int length) {
        long[] graph = input.slice();
        if (value instanceof RowTensor tensor) {
            long[] given = tensor.shape().stream().mapToLong(Long::longValue).toArray();
            boolean fits = given.length == graph.length;
            for (int i = 0; fits && i < graph.length; i++) {
                fits = graph[i] < 0 || graph[i] == given[i];
            }
            if (!fits) {
                throw new InvalidInputException("input " + field, tensor.shape(),
                        "must have a shape that fits the graph's " + input.spec().shape() + " after the batch");
            }
            return given;
        }
        long known = 1;
        int open = -1;
        for (int i = 0; i < graph.length; i++) {
            if (graph[i] >= 0) {
                known *= graph[i];
            } else if (open >= 0) {
                throw new InvalidInputException("input " + field, length + " values", "must be a RowTensor with"
                        + " its shape, as the graph's shape " + input.spec().shape()
                        + " leaves several dimensions after the batch open");
            } else {
                open = i;
            }
        }
        long[] shape = graph.clone();
        if (open < 0) {
            if (length != known) {
                throw new InvalidInputException("input " + field, length + " values", "must hold " + known
                        + " values per row (the graph's shape is " + input.spec().shape() + ")");
            }
            return shape;
        }
        if (known == 0 || length % known != 0) {
            throw new InvalidInputException("input " + field, length + " values", "must hold a multiple of " + known
                    + " values per row (the graph's shape is " + input.spec().shape() + ")");
        }
        shape[open] = length / known;
        return shape;
    }
}
