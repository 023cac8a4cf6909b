package io.aidos.serving.internal.signature;

import io.aidos.api.InvalidInputException;

import java.util.List;

/** Reads a tensor model's per-row input value, whichever form the caller gave it in. */
public final class RowValues {
    private RowValues() {
    }

    /**
     * The values of one row's input {@code name}: a Number, a double[]/float[]/long[]/int[], a List of Numbers, or a
     * {@link RowTensor}; anything else is an {@link InvalidInputException} naming the input.
     */
    public static double[] doubles(String name, Object value) {
        if (value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (value instanceof double[] d) {
            return d;
        }
        if (value instanceof RowTensor t) {
            return t.values();
        }
        if (value instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        if (value instanceof long[] l) {
            double[] out = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                out[i] = l[i];
            }
            return out;
        }
        if (value instanceof int[] l) {
            double[] out = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                out[i] = l[i];
            }
            return out;
        }
        if (value instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw new InvalidInputException("input " + name, list.get(i), "must hold only numbers");
                }
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw new InvalidInputException("input " + name, value == null ? null : value.getClass().getSimpleName(),
                "must be a number, a numeric array or list, or a RowTensor");
    }

    /** The slice shape of a row value: a RowTensor's own, else one dimension of its length. */
    public static List<Long> shape(Object value, int length) {
        return value instanceof RowTensor t ? t.shape() : List.of((long) length);
    }
}
