package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.serving.internal.signature.RowTensor;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One row's slice of a tensor model's input, as the row holds it: a {@code double[]} when the slice has at most one
 * dimension, a {@link RowTensor} when it has more; a {@code long[]} for an INT64 slice of at most one dimension, a
 * {@code String[]} for a string input.
 */
final class TensorSlices {
    private TensorSlices() {
    }

    /** The row value for a slice of {@code shape} holding {@code values} (row-major). */
    static Object of(List<Long> shape, double[] values) {
        return shape.size() <= 1 ? values : new RowTensor(shape, values);
    }

    /** Rejects a slice whose value count differs from what {@code spec} declares per row (when it declares one). */
    static void checkCount(TensorSpec spec, long perRow, String field, Supplier<String> given) {
        long declared = spec.valuesPerRow();
        if (declared >= 0 && declared != perRow) {
            throw InputErrors.of(field, "gives " + perRow + " values per row (" + given.get() + ") but the model's input "
                    + InputErrors.quote(spec.name()) + " takes " + declared + " (shape " + spec.shape() + ")");
        }
    }

    /** Whether {@code spec} is a string input (scikit-learn pipelines take categorical columns so). */
    static boolean takesStrings(TensorSpec spec) {
        return "BYTES".equals(spec.datatype());
    }

    /**
     * A slice given as JSON (MLflow): a number, a list of numbers, or rectangular nested lists of them; booleans count
     * as 1 and 0 for a BOOL input. A string input takes a string or (nested) lists of strings, as a {@code String[]}.
     * Nulls are rejected: tensor models have no missing values.
     */
    static Object fromJson(JsonNode node, TensorSpec spec, String field) {
        if (takesStrings(spec)) {
            return strings(node, spec, field);
        }
        List<Long> shape = new ArrayList<>();
        for (JsonNode n = node; n != null && n.isArray(); n = n.isEmpty() ? null : n.get(0)) {
            shape.add((long) n.size());
        }
        long count = 1;
        for (long d : shape) {
            count = d == 0 ? 0 : Math.min(count * d, Integer.MAX_VALUE);
        }
        int leaves = leaves(node);
        if (leaves != count) {
            throw InputErrors.of(field, "must be a number or rectangular nested lists of numbers but its lists have"
                    + " differing lengths (the first ones make shape " + shape + ")");
        }
        if (takesLongs(spec, shape.size())) {
            List<JsonNode> flat = new ArrayList<>(leaves);
            collect(node, flat);
            long[] values = new long[leaves];
            for (int i = 0; i < leaves; i++) {
                values[i] = integer(flat.get(i), field, i);
            }
            checkCount(spec, values.length, field, () -> "shape " + shape);
            return values;
        }
        double[] values = new double[leaves];
        fill(node, shape, 0, values, 0, spec, field);
        checkCount(spec, values.length, field, () -> "shape " + shape);
        return of(shape, values);
    }

    /**
     * Whether a slice of {@code dimensions} for {@code spec} is read as a {@code long[]}: INT64 inputs whose slices
     * have at most one dimension (IDs, token sequences), so that values beyond 2^53 arrive exactly.
     */
    static boolean takesLongs(TensorSpec spec, int dimensions) {
        return "INT64".equals(spec.datatype()) && dimensions <= 1;
    }

    /** One value of an INT64 input, exactly: a whole JSON number within the long range. */
    static long integer(JsonNode node, String field, int index) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            double d = node.doubleValue();
            if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
                return (long) d;
            }
        }
        String why = node.isNull() ? "; nulls (missing values) are allowed only for tabular models" : "";
        throw InputErrors.of(field, "must hold whole numbers that fit INT64 but value " + index + " was "
                + JsonBodies.describe(node) + why);
    }

    private static int leaves(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        int n = 0;
        for (JsonNode child : node) {
            n += leaves(child);
        }
        return n;
    }

    private static int fill(JsonNode node, List<Long> shape, int depth, double[] into, int at, TensorSpec spec,
                            String field) {
        if (depth == shape.size()) {
            into[at] = number(node, spec, field, at);
            return at + 1;
        }
        if (!node.isArray() || node.size() != shape.get(depth)) {
            throw InputErrors.of(field, "must be rectangular nested lists of numbers (shape " + shape
                    + ") but has a part " + InputErrors.quote(node.toString()));
        }
        for (JsonNode child : node) {
            at = fill(child, shape, depth + 1, into, at, spec, field);
        }
        return at;
    }

    private static String[] strings(JsonNode node, TensorSpec spec, String field) {
        List<JsonNode> leaves = new ArrayList<>();
        collect(node, leaves);
        String[] values = new String[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = string(leaves.get(i), spec, field, i);
        }
        checkCount(spec, values.length, field, () -> values.length + " strings");
        return values;
    }

    /** Whether a whole number survives the trip through a double. */
    private static boolean exact(JsonNode node) {
        return node.canConvertToLong() && Math.abs(node.longValue()) <= (1L << 53);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        } else {
            into.add(node);
        }
    }

    /** One value of a string input: a JSON string. */
    static String string(JsonNode node, TensorSpec spec, String field, int index) {
        if (node.isTextual()) {
            return node.textValue();
        }
        String why = node.isNull() ? "; nulls (missing values) are allowed only for tabular models" : "";
        throw InputErrors.of(field, "must hold strings (input " + InputErrors.quote(spec.name()) + " is BYTES) but"
                + " value " + index + " was " + JsonBodies.describe(node) + why);
    }

    /** One value of a tensor model's input: a JSON number, or a boolean for a BOOL input. */
    static double number(JsonNode node, TensorSpec spec, String field, int index) {
        if (node.isNumber()) {
            if (node.isIntegralNumber() && "INT64".equals(spec.datatype()) && !exact(node)) {
                throw InputErrors.of(field, "value " + index + " is " + node.asText() + ", beyond the 2^53 that a "
                        + "slice of more than one dimension carries exactly; send INT64 slices of one dimension");
            }
            return node.doubleValue();
        }
        if (node.isBoolean() && "BOOL".equals(spec.datatype())) {
            return node.booleanValue() ? 1 : 0;
        }
        String why = node.isNull() ? "; nulls (missing values) are allowed only for tabular models" : "";
        throw InputErrors.of(field, "must hold numbers but value " + index + " was "
                + JsonBodies.describe(node) + why);
    }
}
