package io.aidos.serving.internal.signature;

import java.util.List;

/**
 * One row's slice of a tensor with more than one dimension after the batch (an image, a sequence of vectors):
 * the slice's shape and its values in row-major order. One-dimensional slices may be given as plain arrays.
 */
public record RowTensor(List<Long> shape, double[] values) {
    public RowTensor {
        shape = List.copyOf(shape);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + shape + " holds " + n + " values but " + values.length
                    + " were given");
        }
    }
}
