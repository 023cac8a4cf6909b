package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of one request tensor in row-major order, whether the request sent them flat or nested. Flat data (the
 * common case) is read in place, without a copy.
 */
final class TensorData {
    private final JsonNode flat;
    private final List<JsonNode> leaves;

    private TensorData(JsonNode flat, List<JsonNode> leaves) {
        this.flat = flat;
        this.leaves = leaves;
    }

    /** The values of {@code array}, a JSON list holding values or (nested) lists of them. */
    static TensorData of(JsonNode array) {
        for (JsonNode v : array) {
            if (v.isArray()) {
                List<JsonNode> leaves = new ArrayList<>(array.size() * Math.max(1, v.size()));
                flatten(array, leaves);
                return new TensorData(null, leaves);
            }
        }
        return new TensorData(array, null);
    }

    private static void flatten(JsonNode array, List<JsonNode> into) {
        for (JsonNode v : array) {
            if (v.isArray()) {
                flatten(v, into);
            } else {
                into.add(v);
            }
        }
    }

    int size() {
        return flat != null ? flat.size() : leaves.size();
    }

    /** The value at row-major position {@code i}. */
    JsonNode get(int i) {
        return flat != null ? flat.get(i) : leaves.get(i);
    }
}
