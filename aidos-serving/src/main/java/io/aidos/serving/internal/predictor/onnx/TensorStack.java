package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.aidos.api.InvalidInputException;
import io.aidos.serving.internal.signature.RowValues;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stacks one input's per-row values into a single {@code [rows, slice...]} tensor of the input's element type.
 * Numbers come as anything {@link RowValues} reads; an INT64 or INT32 input takes whole numbers in its range, a BOOL
 * input booleans (or 0 and 1), a string (BYTES) input a String, a String[] or a list of strings. Every row's slice
 * must have the same shape.
 */
final class TensorStack {
    private final GraphInput input;
    private final List<double[]> numbers = new ArrayList<>();
    private final List<String[]> strings = new ArrayList<>();
    /** INT64 rows, kept as longs: a double holds integers exactly only up to 2^53. */
    private final List<long[]> longs = new ArrayList<>();
    private long[] slice;

    TensorStack(GraphInput input) {
        this.input = input;
    }

    /** Adds the next row's value; {@code field} names the input (and the row, in a batch) in errors. */
    void add(String field, Object value) {
        int length;
        if (input.type() == OnnxJavaType.STRING) {
            String[] s = StringValues.strings(field, value);
            strings.add(s);
            length = s.length;
        } else if (input.type() == OnnxJavaType.INT64) {
            long[] l = RowValues.longs(field, value);
            longs.add(l);
            length = l.length;
        } else {
            double[] d = input.type() == OnnxJavaType.BOOL ? booleans(field, value) : RowValues.doubles(field, value);
            check(field, d);
            numbers.add(d);
            length = d.length;
        }
        long[] shape = RowShapes.resolve(input, field, value, length);
        if (slice == null) {
            slice = shape;
        } else if (!Arrays.equals(slice, shape)) {
            throw new InvalidInputException("input " + field, Arrays.toString(shape), "must have the same shape in"
                    + " every row of a batch, and the first row's is " + Arrays.toString(slice));
        }
    }

    /** The stacked tensor; the caller closes it. */
    OnnxTensor build(OrtEnvironment env) throws OrtException {
        int rows = input.type() == OnnxJavaType.STRING ? strings.size()
                : input.type() == OnnxJavaType.INT64 ? longs.size() : numbers.size();
        long[] shape = RowShapes.withBatch(rows, slice);
        if (input.type() == OnnxJavaType.STRING) {
            return OnnxTensor.createTensor(env, strings.stream().flatMap(Arrays::stream).toArray(String[]::new),
                    shape);
        }
        if (input.type() == OnnxJavaType.INT64) {
            return OnnxTensor.createTensor(env, LongBuffer.wrap(longs.stream().flatMapToLong(Arrays::stream)
                    .toArray()), shape);
        }
        double[] flat = numbers.stream().flatMapToDouble(Arrays::stream).toArray();
        return switch (input.type()) {
            case FLOAT -> {
                float[] f = new float[flat.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) flat[i];
                }
                yield OnnxTensor.createTensor(env, FloatBuffer.wrap(f), shape);
            }
            case DOUBLE -> OnnxTensor.createTensor(env, DoubleBuffer.wrap(flat), shape);
            case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(Arrays.stream(flat).mapToInt(v -> (int) v)
                    .toArray()), shape);
            case BOOL -> {
                ByteBuffer bytes = ByteBuffer.allocateDirect(flat.length);
                for (double v : flat) {
                    bytes.put((byte) (v != 0 ? 1 : 0));
                }
                yield OnnxTensor.createTensor(env, bytes.rewind(), shape, OnnxJavaType.BOOL);
            }
            default -> throw new IllegalStateException("input " + input.name() + " has element type "
                    + input.type() + ", which GraphSignature does not admit");
        };
    }

    /** The input's name. */
    String name() {
        return input.name();
    }

    /** The shape of each row's slice (the dimensions after the batch); null before the first row. */
    long[] slice() {
        return slice;
    }

    /**
     * Writes the stacked numbers into {@code buffer} from index 0, in native byte order, as the input's element type
     * (one byte per BOOL): what {@link #build} would hold, for a tensor that is backed by {@code buffer}.
     */
    void writeTo(ByteBuffer buffer) {
        int at = 0;
        for (long[] row : longs) {
            for (long v : row) {
                buffer.putLong(at, v);
                at += Long.BYTES;
            }
        }
        for (double[] row : numbers) {
            for (double v : row) {
                switch (input.type()) {
                    case FLOAT -> buffer.putFloat(at, (float) v);
                    case DOUBLE -> buffer.putDouble(at, v);
                    case INT32 -> buffer.putInt(at, (int) v);
                    case BOOL -> buffer.put(at, (byte) (v != 0 ? 1 : 0));
                    default -> throw new IllegalStateException("input " + input.name() + " of element type "
                            + input.type() + " cannot be written into a buffer");
                }
                at += ElementTypes.bytes(input.type());
            }
        }
    }

    /** INT32 inputs take whole numbers in their range (INT64 ones are checked as they are read). */
    private void check(String field, double[] values) {
        if (input.type() != OnnxJavaType.INT32) {
            return;
        }
        for (double v : values) {
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v >= 0x1p31) {
                throw new InvalidInputException("input " + field, v, "must hold whole numbers that fit "
                        + input.spec().datatype());
            }
        }
    }

    private static double[] booleans(String field, Object value) {
        if (value instanceof Boolean b) {
            return new double[] {b ? 1 : 0};
        }
        if (value instanceof boolean[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i] ? 1 : 0;
            }
            return out;
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Boolean.class::isInstance)) {
            return list.stream().mapToDouble(b -> (Boolean) b ? 1 : 0).toArray();
        }
        double[] out = RowValues.doubles(field, value);
        for (double v : out) {
            if (v != 0 && v != 1) {
                throw new InvalidInputException("input " + field, v, "must hold booleans (or 0 and 1)");
            }
        }
        return out;
    }
}
