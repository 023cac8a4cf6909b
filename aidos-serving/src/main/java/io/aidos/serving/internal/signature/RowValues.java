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

    /**
     * The values of one row's INT64 input {@code name}, exactly: longs and ints as they are (a double cannot hold every
     * long beyond 2^53), other numbers only when whole and within the long range. Takes what {@link #doubles} takes.
     */
    public static long[] longs(String name, Object value) {
        if (value instanceof long[] l) {
            return l;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new long[] {((Number) value).longValue()};
        }
        if (value instanceof int[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof List<?> list) {
            long[] out = new long[list.size()];
            for (int i = 0; i < out.length; i++) {
                Object v = list.get(i);
                if (!(v instanceof Number)) {
                    throw new InvalidInputException("input " + name, v, "must hold only numbers");
                }
                out[i] = longs(name, v)[0];
            }
            return out;
        }
        double[] d = doubles(name, value);
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i]) || d[i] < -0x1p63 || d[i] >= 0x1p63) {
                throw new InvalidInputException("input " + name, d[i], "must hold whole numbers that fit INT64");
            }
            out[i] = (long) d[i];
        }
        return out;
    }

    /** The slice shape of a row value: a RowTensor's own, else one dimension of its length. */
    public static List<Long> shape(Object value, int length) {
        return value instanceof RowTensor t ? t.shape() : List.of((long) length);
    }
}
