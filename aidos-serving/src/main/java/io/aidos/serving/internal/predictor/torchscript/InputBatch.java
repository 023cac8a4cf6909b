package io.aidos.serving.internal.predictor.torchscript;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.aidos.api.InvalidInputException;
import io.aidos.serving.internal.signature.RowValues;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stacks rows into one tensor per model input, {@code [rows, ...slice]}, in the signature's order. A row maps input
 * name to that row's slice (see {@link RowValues}); a model with one input takes a row with any single key. With a
 * declared signature the slice must have the declared rank and sizes; without one, all rows must share the first
 * row's slice shape.
 */
final class InputBatch {
    private final List<TensorSpec> inputs;
    private final boolean declared;

    InputBatch(List<TensorSpec> inputs, boolean declared) {
        this.inputs = List.copyOf(inputs);
        this.declared = declared;
    }

    /** The model's inputs for {@code rows}, created in {@code manager}; InvalidInputException names a bad input. */
    NDList tensors(NDManager manager, List<? extends Map<String, ?>> rows) {
        NDList list = new NDList(inputs.size());
        for (TensorSpec spec : inputs) {
            double[] values = null;
            List<Long> slice = null;
            int width = 0;
            for (int r = 0; r < rows.size(); r++) {
                Object value = value(rows.get(r), spec.name(), r);
                double[] row = RowValues.doubles(spec.name(), value);
                List<Long> shape = check(spec, r, RowValues.shape(value, row.length), row.length);
                if (slice == null) {
                    slice = shape;
                    width = row.length;
                    values = new double[rows.size() * width];
                } else if (!slice.equals(shape)) {
                    throw new InvalidInputException("input " + spec.name() + " of row " + r, shape,
                            "must have the same shape as row 0, " + slice);
                }
                System.arraycopy(row, 0, values, r * width, width);
            }
            long[] dims = new long[slice.size() + 1];
            dims[0] = rows.size();
            for (int i = 0; i < slice.size(); i++) {
                dims[i + 1] = slice.get(i);
            }
            list.add(create(manager, spec, values, new Shape(dims)));
        }
        return list;
    }

    private Object value(Map<String, ?> row, String name, int index) {
        if (row == null) {
            throw new InvalidInputException("row " + index, null, "must map input names to values");
        }
        Object value = row.get(name);
        if (value == null && inputs.size() == 1 && row.size() == 1) {
            value = row.values().iterator().next();
        }
        if (value == null) {
            throw new InvalidInputException("input " + name, row.keySet(), "is missing from row " + index);
        }
        if (row.size() > 1) {
            Set<String> unknown = new TreeSet<>(row.keySet());
            inputs.forEach(s -> unknown.remove(s.name()));
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("row " + index, unknown, "names inputs the model does not have; it"
                        + " takes " + inputs.stream().map(TensorSpec::name).toList());
            }
        }
        return value;
    }

    /** The row's slice shape, checked against the declared one; a flat array fills a fully known shape. */
    private List<Long> check(TensorSpec spec, int row, List<Long> given, int length) {
        if (!declared) {
            return given;
        }
        List<Long> dims = spec.shape().subList(1, spec.shape().size());
        long perRow = spec.valuesPerRow();
        if (perRow >= 0) {
            if (length != perRow) {
                throw new InvalidInputException("input " + spec.name() + " of row " + row, length + " values",
                        "must have " + perRow + " values, for shape " + spec.shape());
            }
            return dims;
        }
        boolean fits = given.size() == dims.size();
        for (int i = 0; fits && i < dims.size(); i++) {
            fits = dims.get(i) < 0 || dims.get(i).equals(given.get(i));
        }
        if (!fits) {
            throw new InvalidInputException("input " + spec.name() + " of row " + row, given,
                    "must fit shape " + spec.shape());
        }
        return given;
    }

    private static NDArray create(NDManager manager, TensorSpec spec, double[] values, Shape shape) {
        return switch (spec.datatype()) {
            case "FP64" -> manager.create(values, shape);
            case "INT64" -> manager.create(whole(spec, values), shape);
            case "INT32" -> {
                long[] whole = whole(spec, values);
                int[] ints = new int[whole.length];
                for (int i = 0; i < whole.length; i++) {
                    if (whole[i] != (int) whole[i]) {
                        throw new InvalidInputException("input " + spec.name(), whole[i], "must fit in INT32");
                    }
                    ints[i] = (int) whole[i];
                }
                yield manager.create(ints, shape);
            }
            default -> {
                float[] floats = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    floats[i] = (float) values[i];
                }
                yield manager.create(floats, shape);
            }
        };
    }

    private static long[] whole(TensorSpec spec, double[] values) {
        long[] whole = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            whole[i] = (long) values[i];
            if (whole[i] != values[i]) {
                throw new InvalidInputException("input " + spec.name(), values[i],
                        "must hold whole numbers, as its datatype is " + spec.datatype());
            }
        }
        return whole;
    }
}
