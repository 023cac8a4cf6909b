package io.aidos.serving.internal.http.protocol;

import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of an OIP request to a tensor model: each row maps every graph input to its slice of the request tensor
 * (see {@link TensorSlices}). Names must match the graph's, unless the model has exactly one input. A string (BYTES)
 * input takes BYTES data: each row's slice is a {@code String[]}.
 */
final class OipTensorInputs {
    private OipTensorInputs() {
    }

    static List<Map<String, Object>> rows(List<OipTensor> tensors, ModelSignature signature) {
        List<String> given = tensors.stream().map(OipTensor::name).toList();
        TensorSpec[] bound = InputBinding.bind(given, signature, "input");
        List<List<Long>> sliceShapes = new ArrayList<>(bound.length);
        for (int j = 0; j < bound.length; j++) {
            OipTensor t = tensors.get(j);
            if (!t.datatype().feeds(bound[j].datatype())) {
                throw InputErrors.of(t.field(), "is " + t.datatype() + " but the model's input "
                        + InputErrors.quote(bound[j].name()) + " is " + bound[j].datatype());
            }
            long[] shape = t.shape();
            List<Long> slice = new ArrayList<>(shape.length - 1);
            for (int d = 1; d < shape.length; d++) {
                slice.add(shape[d]);
            }
            TensorSlices.checkCount(bound[j], t.valuesPerRow(), t.field(), () -> "shape " + t.shapeText());
            sliceShapes.add(slice);
        }
        int n = tensors.get(0).rows();
        List<Map<String, Object>> rows = new ArrayList<>(n);
        int capacity = OipTabularInputs.capacity(bound.length);
        for (int r = 0; r < n; r++) {
            rows.add(new HashMap<>(capacity));
        }
        for (int j = 0; j < bound.length; j++) {
            OipTensor t = tensors.get(j);
            TensorData data = t.data();
            int perRow = t.valuesPerRow();
            String field = t.field();
            boolean strings = TensorSlices.takesStrings(bound[j]);
            boolean longs = TensorSlices.takesLongs(bound[j], sliceShapes.get(j).size());
            for (int r = 0; r < n; r++) {
                int base = r * perRow;
                if (longs) {
                    long[] values = new long[perRow];
                    for (int k = 0; k < perRow; k++) {
                        values[k] = TensorSlices.integer(data.get(base + k), field, base + k);
                    }
                    rows.get(r).put(bound[j].name(), values);
                    continue;
                }
                if (strings) {
                    String[] values = new String[perRow];
                    for (int k = 0; k < perRow; k++) {
                        values[k] = TensorSlices.string(data.get(base + k), bound[j], field, base + k);
                    }
                    rows.get(r).put(bound[j].name(), values);
                    continue;
                }
                double[] values = new double[perRow];
                for (int k = 0; k < perRow; k++) {
                    values[k] = TensorSlices.number(data.get(base + k), bound[j], field, base + k);
                }
                rows.get(r).put(bound[j].name(), TensorSlices.of(sliceShapes.get(j), values));
            }
        }
        return rows;
    }
}
