package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensors of a run of a fixed number of rows, kept from one run to the next: each input's tensor is backed by a
 * direct buffer that the next run's values are written into, and each requested output is pinned to a tensor over a
 * buffer of ours that ONNX Runtime writes the answer into. Such a run creates no tensor, and ONNX Runtime's Java
 * binding builds no Java tensor for its outputs (which costs a JNI class and method lookup per output and per run).
 * Used by one thread at a time: {@link PinnedRuns} hands them out.
 */
final class PinnedRun implements AutoCloseable {
    private record Buffer(OnnxTensor tensor, ByteBuffer bytes, OnnxJavaType type, int perRow) {
    }

    private final Map<String, Buffer> inputs = new LinkedHashMap<>();
    private final Map<String, Buffer> outputs = new LinkedHashMap<>();
    private final Map<String, OnnxTensor> inputTensors = new LinkedHashMap<>();
    private final Map<String, OnnxTensor> outputTensors = new LinkedHashMap<>();
    private final int rows;

    private PinnedRun(int rows) {
        this.rows = rows;
    }

    /**
     * Tensors of {@code rows} rows for every input of {@code graph} (none a string, none with an open dimension after
     * the batch) and for each of {@code outputs}, a name with its element type and its shape after the batch.
     */
    static PinnedRun create(OrtEnvironment env, GraphSignature graph, int rows, Map<String, OutputSlot> outputs)
            throws OrtException {
        PinnedRun run = new PinnedRun(rows);
        try {
            for (GraphInput input : graph.inputs()) {
                run.inputs.put(input.name(), buffer(env, input.type(), rows, input.slice()));
                run.inputTensors.put(input.name(), run.inputs.get(input.name()).tensor());
            }
            for (Map.Entry<String, OutputSlot> o : outputs.entrySet()) {
                run.outputs.put(o.getKey(), buffer(env, o.getValue().type(), rows, o.getValue().slice()));
                run.outputTensors.put(o.getKey(), run.outputs.get(o.getKey()).tensor());
            }
            return run;
        } catch (OrtException | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** An output to pin: its element type and its dimensions after the batch. */
    record OutputSlot(OnnxJavaType type, long[] slice) {
    }

    /** Writes each input's stacked rows (in the graph's input order) into its tensor. */
    void fill(List<TensorStack> stacks) {
        int i = 0;
        for (Map.Entry<String, Buffer> input : inputs.entrySet()) {
            TensorStack stack = stacks.get(i++);
            if (stack.slice() == null || input.getValue().perRow() != elements(stack.slice())) {
                throw new IllegalStateException("input " + input.getKey() + " has rows of shape "
                        + Arrays.toString(stack.slice()) + ", not the pinned run's");
            }
            stack.writeTo(input.getValue().bytes());
        }
    }

    Map<String, OnnxTensor> inputs() {
        return inputTensors;
    }

    Map<String, OnnxTensor> outputs() {
        return outputTensors;
    }

    /** The values ONNX Runtime wrote into the pinned output {@code name}. */
    PredictionReader.Values values(String name) {
        Buffer out = outputs.get(name);
        int n = rows * out.perRow();
        ByteBuffer b = out.bytes();
        if (out.type() == OnnxJavaType.INT64) {
            long[] integers = new long[n];
            for (int i = 0; i < n; i++) {
                integers[i] = b.getLong(i * 8);
            }
            return PredictionReader.Values.ofLongs(out.perRow(), integers);
        }
        double[] numbers = new double[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = switch (out.type()) {
                case FLOAT -> b.getFloat(i * 4);
                case DOUBLE -> b.getDouble(i * 8);
                case INT32 -> b.getInt(i * 4);
                default -> throw new IllegalStateException("output " + name + " of element type " + out.type()
                        + " cannot be pinned");
            };
        }
        return new PredictionReader.Values(out.perRow(), numbers, null);
    }

    /** The bytes the tensors of {@code rows} rows take: inputs, plus outputs of the given slots. */
    static long bytes(GraphSignature graph, int rows, Map<String, OutputSlot> outputs) {
        long total = 0;
        for (GraphInput input : graph.inputs()) {
            total += rows * elements(input.slice()) * ElementTypes.bytes(input.type());
        }
        for (OutputSlot o : outputs.values()) {
            total += rows * elements(o.slice()) * ElementTypes.bytes(o.type());
        }
        return total;
    }

    private static long elements(long[] slice) {
        long n = 1;
        for (long d : slice) {
            n *= d;
        }
        return n;
    }

    private static Buffer buffer(OrtEnvironment env, OnnxJavaType type, int rows, long[] slice) throws OrtException {
        long[] shape = RowShapes.withBatch(rows, slice);
        int perRow = (int) elements(slice);
        ByteBuffer bytes = ByteBuffer.allocateDirect(rows * perRow * ElementTypes.bytes(type))
                .order(ByteOrder.nativeOrder());
        // A direct buffer in native order is not copied: the tensor reads and writes its memory.
        OnnxTensor tensor = switch (type) {
            case FLOAT -> OnnxTensor.createTensor(env, bytes.asFloatBuffer(), shape);
            case DOUBLE -> OnnxTensor.createTensor(env, bytes.asDoubleBuffer(), shape);
            case INT64 -> OnnxTensor.createTensor(env, bytes.asLongBuffer(), shape);
            case INT32 -> OnnxTensor.createTensor(env, bytes.asIntBuffer(), shape);
            case BOOL -> OnnxTensor.createTensor(env, bytes, shape, OnnxJavaType.BOOL);
            default -> throw new IllegalArgumentException("element type " + type + " cannot be pinned");
        };
        return new Buffer(tensor, bytes, type, perRow);
    }

    @Override
    public void close() {
        inputTensors.values().forEach(OnnxTensor::close);
        outputTensors.values().forEach(OnnxTensor::close);
    }
}
