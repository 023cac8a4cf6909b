package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.RowLayout;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Set;

/**
 * The rows of a JSON request to MLflow's scoring server. Exactly one of four keys holds them:
 * {@code dataframe_split} ({columns, data[, index]}), {@code dataframe_records} (a list of records), {@code
 * instances} (a list of records, or of per-row lists) and {@code inputs} (the same, or {name: list of values}).
 * Other keys ({@code params}) are ignored, as MLflow does.
 */
final class MlflowJsonRows {
    static final List<String> FORMATS = List.of("dataframe_split", "dataframe_records", "instances", "inputs");

    private MlflowJsonRows() {
    }

    static List<Map<String, Object>> parse(byte[] body, ModelSignature signature) {
        JsonNode root = JsonBodies.read(body);
        String formats = String.join(", ", FORMATS);
        if (!root.isObject()) {
            throw InputErrors.of("request body", "must be a JSON object with exactly one of " + formats + " but was "
                    + JsonBodies.kind(root));
        }
        List<String> found = FORMATS.stream().filter(root::has).toList();
        if (found.size() != 1) {
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(k -> keys.add(InputErrors.quote(k)));
            throw InputErrors.of("request body", "must contain exactly one of " + formats + " but has "
                    + (keys.isEmpty() ? "no keys" : "keys " + InputErrors.list(keys)));
        }
        String format = found.get(0);
        JsonNode payload = root.get(format);
        return switch (format) {
            case "dataframe_split" -> MlflowSplitRows.parse(payload, signature);
            case "dataframe_records" -> records(list(payload, format), signature, format);
            default -> payload.isObject() && format.equals("inputs")
                    ? columnar(payload, signature) : listed(list(payload, format), signature, format);
        };
    }

    private static JsonNode list(JsonNode payload, String format) {
        if (!payload.isArray()) {
            throw InputErrors.of(format, "must be a list but was " + JsonBodies.kind(payload));
        }
        RowLimit.check(payload.size(), format);
        return payload;
    }

    /** A list of records (objects), or of per-row lists. */
    private static List<Map<String, Object>> listed(JsonNode list, ModelSignature signature, String format) {
        if (!list.isEmpty() && list.get(0).isObject()) {
            return records(list, signature, format);
        }
        List<JsonNode> rows = new ArrayList<>(list.size());
        list.forEach(rows::add);
        return MlflowSplitRows.positional(rows, signature, format);
    }

    private static List<Map<String, Object>> records(JsonNode list, ModelSignature signature, String format) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode record = list.get(i);
            if (!record.isObject()) {
                throw InputErrors.of(format + "[" + i + "]", "must be a record (an object) like the others but was "
                        + JsonBodies.kind(record));
            }
            record.fieldNames().forEachRemaining(keys::add);
        }
        List<String> given = List.copyOf(keys);
        TensorSpec[] bound = InputBinding.bind(given, signature, "column");
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        RowLayout layout = RowLayout.of(signature, bound);
        for (int i = 0; i < list.size(); i++) {
            JsonNode record = list.get(i);
            Object[] row = new Object[bound.length];
            for (int j = 0; j < bound.length; j++) {
                int at = i;
                String name = given.get(j);
                row[j] = cell(record.get(name), bound[j], signature,
                        () -> format + "[" + at + "] column " + InputErrors.quote(name));
            }
            rows.add(layout.row(row));
        }
        return rows;
    }

    /** {@code inputs} as {name: [one value per row]}. */
    private static List<Map<String, Object>> columnar(JsonNode columns, ModelSignature signature) {
        List<String> given = new ArrayList<>();
        columns.fieldNames().forEachRemaining(given::add);
        TensorSpec[] bound = InputBinding.bind(given, signature, "input");
        int n = -1;
        for (String name : given) {
            JsonNode values = columns.get(name);
            String field = "inputs " + InputErrors.quote(name);
            if (!values.isArray()) {
                throw InputErrors.of(field, "must be a list with one value per row but was " + JsonBodies.kind(values));
            }
            RowLimit.check(values.size(), field);
            if (n >= 0 && values.size() != n) {
                throw InputErrors.of(field, "has " + values.size() + " values but " + InputErrors.quote(given.get(0))
                        + " has " + n + "; every input needs one value per row");
            }
            n = values.size();
        }
        List<Map<String, Object>> rows = new ArrayList<>(Math.max(n, 0));
        RowLayout layout = RowLayout.of(signature, bound);
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[bound.length];
            for (int j = 0; j < bound.length; j++) {
                int at = r;
                String name = given.get(j);
                row[j] = cell(columns.get(name).get(r), bound[j], signature,
                        () -> "inputs " + InputErrors.quote(name) + " value " + at);
            }
            rows.add(layout.row(row));
        }
        return rows;
    }

    /**
     * A cell's row value: a tabular scalar (absent = missing), or a tensor model's slice (never absent). The field
     * names the cell in errors; it is built only for one.
     */
    static Object cell(JsonNode node, TensorSpec spec, ModelSignature signature, Supplier<String> field) {
        if (signature.tabular()) {
            return TabularCells.fromJson(node, spec, field);
        }
        if (node == null) {
            throw InputErrors.of(field.get(), "is missing; a tensor model needs every input in every row");
        }
        return TensorSlices.fromJson(node, spec, field.get());
    }
}
