package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One input tensor of an inference request, checked on its own: a spec datatype, a shape with the batch first,
 * and as many values as the shape holds.
 */
record OipTensor(String name, OipDatatype datatype, long[] shape, TensorData data) {

    /**
     * The inputs of a request ({@code inputs}): at least one, names unique, all with the same batch size. Inputs
     * with {@code parameters.binary_data_size} take their values from {@code binary}, in order, which they must
     * use up.
     */
    static List<OipTensor> parseAll(JsonNode inputs, BinaryTensorData binary) {
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw InputErrors.of("request body", "needs a non-empty 'inputs' list but it was "
                    + (inputs != null && inputs.isArray() ? "empty" : JsonBodies.kind(inputs)));
        }
        List<OipTensor> tensors = new ArrayList<>(inputs.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            OipTensor t = parse(inputs.get(i), i, binary);
            if (!names.add(t.name())) {
                throw InputErrors.of(t.field(), "is given twice");
            }
            if (!tensors.isEmpty() && t.rows() != tensors.get(0).rows()) {
                OipTensor first = tensors.get(0);
                throw InputErrors.of(t.field(), "has " + t.rows() + " rows (shape " + t.shapeText() + ") but "
                        + first.field() + " has " + first.rows() + " (shape " + first.shapeText()
                        + "); every input's first dimension is the batch size");
            }
            tensors.add(t);
        }
        binary.checkAllTaken();
        return tensors;
    }

    /** Input number {@code position} of a request. */
    static OipTensor parse(JsonNode in, int position, BinaryTensorData binary) {
        String at = "inputs[" + position + "]";
        if (!in.isObject()) {
            throw InputErrors.of(at, "must be an object with name, shape, datatype and data but was "
                    + JsonBodies.kind(in));
        }
        JsonNode nameNode = in.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            throw InputErrors.of(at, "needs a string 'name' but it was " + JsonBodies.kind(nameNode));
        }
        String name = nameNode.textValue();
        String field = InputErrors.input(name);
        JsonNode binarySize = in.path("parameters").get("binary_data_size");
        JsonNode typeNode = in.get("datatype");
        if (typeNode == null || !typeNode.isTextual()) {
            throw InputErrors.of(field, "needs a string 'datatype' but it was " + JsonBodies.kind(typeNode));
        }
        OipDatatype datatype = OipDatatype.parse(typeNode.textValue(), field);
        long[] shape = shape(in.get("shape"), field);
        RowLimit.check(shape[0], field);
        long count = count(shape, field);
        JsonNode dataNode = in.get("data");
        if (binarySize != null) {
            if (!binarySize.isIntegralNumber() || !binarySize.canConvertToLong()) {
                throw InputErrors.of(field, "has parameters.binary_data_size " + JsonBodies.describe(binarySize)
                        + " but it must be a whole number of bytes");
            }
            if (dataNode != null && !dataNode.isNull()) {
                throw InputErrors.of(field, "has both 'data' and parameters.binary_data_size; send its values once");
            }
            dataNode = binary.take(binarySize.longValue(), datatype, count, field);
        } else if (dataNode == null || !dataNode.isArray()) {
            throw InputErrors.of(field, "needs a 'data' list (or parameters.binary_data_size with binary data after"
                    + " the JSON) but it was " + JsonBodies.kind(dataNode));
        }
        TensorData data = TensorData.of(dataNode);
        if (data.size() != count) {
            throw InputErrors.of(field, "shape " + Arrays.toString(shape) + " needs " + count
                    + " values but data has " + data.size());
        }
        return new OipTensor(name, datatype, shape, data);
    }

    private static long[] shape(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw InputErrors.of(field, "needs a 'shape' list with the batch size first but it was "
                    + (node != null && node.isArray() ? "empty" : JsonBodies.kind(node)));
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.longValue() < 0) {
                throw InputErrors.of(field, "has shape " + node + " but dimensions must be whole numbers >= 0");
            }
            shape[i] = d.longValue();
        }
        return shape;
    }

    private static long count(long[] shape, String field) {
        long n = 1;
        for (long d : shape) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                n = Long.MAX_VALUE;
            }
        }
        if (n > Integer.MAX_VALUE) {
            throw InputErrors.of(field, "has shape " + Arrays.toString(shape) + ", which holds too many values");
        }
        return n;
    }

    /** {@code input 'name'}, for error messages. */
    String field() {
        return InputErrors.input(name);
    }

    /** The batch size: the first dimension. */
    int rows() {
        return (int) shape[0];
    }

    /** How many values one row holds: the product of the dimensions after the batch. */
    int valuesPerRow() {
        long n = 1;
        for (int i = 1; i < shape.length && n <= Integer.MAX_VALUE; i++) {
            n *= shape[i];
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    String shapeText() {
        return Arrays.toString(shape);
    }
}
