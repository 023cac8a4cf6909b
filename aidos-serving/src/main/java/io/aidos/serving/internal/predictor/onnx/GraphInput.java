package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxJavaType;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.List;

/**
 * One input of a graph: its spec (name, OIP datatype, shape with the batch first and -1 for symbolic dimensions) and
 * the ONNX Runtime element type its tensor is built with.
 */
record GraphInput(TensorSpec spec, OnnxJavaType type) {

    String name() {
        return spec.name();
    }

    /** The dimensions after the batch, -1 where the graph leaves one open. */
    long[] slice() {
        List<Long> shape = spec.shape();
        return shape.subList(1, shape.size()).stream().mapToLong(Long::longValue).toArray();
    }

    /** The graph's batch size when it fixes one (often 1 for graphs exported without a dynamic batch), else -1. */
    long fixedBatch() {
        return spec.shape().get(0);
    }
}
