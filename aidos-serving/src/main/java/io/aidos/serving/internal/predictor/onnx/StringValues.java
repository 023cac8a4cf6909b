package io.aidos.serving.internal.predictor.onnx;

import io.aidos.api.InvalidInputException;

import java.util.List;

/** Reads a string (BYTES) input's per-row value: a String, a String[] or a list of strings. */
final class StringValues {
    private StringValues() {
    }

    static String[] strings(String field, Object value) {
        if (value instanceof String s) {
            return new String[] {s};
        }
        if (value instanceof String[] a) {
            return a.clone();
        }
        if (value instanceof List<?> list) {
            String[] out = new String[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw new InvalidInputException("input " + field, list.get(i), "must hold only strings");
                }
                out[i] = s;
            }
            return out;
        }
        throw new InvalidInputException("input " + field, value == null ? null : value.getClass().getSimpleName(),
                "must be a string, a String[] or a list of strings");
    }
}
