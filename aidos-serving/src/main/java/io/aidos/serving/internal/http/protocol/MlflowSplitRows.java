package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.RowLayout;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * MLflow rows given as lists of values: {@code dataframe_split} ({columns, data[, index]}, index ignored) and per-row
 * lists in {@code instances} or {@code inputs}. Without column names, a tabular model's values are its features in
 * signature order, and a one-input tensor model's row is that input's slice.
 */
final class MlflowSplitRows {
    private static final String SPLIT = "dataframe_split";

    private MlflowSplitRows() {
    }

    static List<Map<String, Object>> parse(JsonNode split, ModelSignature signature) {
        if (!split.isObject()) {
            throw InputErrors.of(SPLIT, "must be an object with 'columns' and 'data' but was " + JsonBodies.kind(split));
        }
        JsonNode data = split.get("data");
        if (data == null || !data.isArray()) {
            throw InputErrors.of(SPLIT, "needs a 'data' list of rows but it was " + JsonBodies.kind(data));
        }
        RowLimit.check(data.size(), SPLIT);
        List<JsonNode> rows = new ArrayList<>(data.size());
        data.forEach(rows::add);
        JsonNode columns = split.get("columns");
        if (columns == null || columns.isNull()) {
            return positional(rows, signature, SPLIT + " data");
        }
        List<String> names = names(columns);
        List<TensorSpec> declared = signature.inputs();
        if (!signature.tabular() && declared.size() == 1 && names.size() > 1
                && !names.contains(declared.get(0).name())) {
            return positional(rows, signature, SPLIT + " data"); // a one-input model's slice spread over columns
        }
        TensorSpec[] bound = InputBinding.bind(names, signature, "column");
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        RowLayout layout = RowLayout.of(signature, bound);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            int index = i;
            if (!row.isArray() || row.size() != names.size()) {
                throw InputErrors.of(SPLIT + " data[" + i + "]", "has " + (row.isArray() ? row.size() + " values" : JsonBodies.kind(row))
                        + " but there are " + names.size() + " columns");
            }
            Object[] values = new Object[bound.length];
            for (int j = 0; j < bound.length; j++) {
                String name = names.get(j);
                values[j] = MlflowJsonRows.cell(row.get(j), bound[j], signature,
                        () -> SPLIT + " data[" + index + "] column " + InputErrors.quote(name));
            }
            out.add(layout.row(values));
        }
        return out;
    }

    private static List<String> names(JsonNode columns) {
        if (!columns.isArray()) {
            throw InputErrors.of(SPLIT + " columns", "must be a list of column names but was "
                    + JsonBodies.kind(columns));
        }
        List<String> names = new ArrayList<>(columns.size());
        for (JsonNode c : columns) {
            if (!c.isTextual()) {
                throw InputErrors.of(SPLIT + " columns", "must hold strings but has " + InputErrors.quote(c.toString()));
            }
            names.add(c.textValue());
        }
        return names;
    }

    /** Rows given as lists of values without names; {@code field} names the list in errors. */
    static List<Map<String, Object>> positional(List<JsonNode> rows, ModelSignature signature, String field) {
        List<TensorSpec> declared = signature.inputs();
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        if (!signature.tabular()) {
            if (declared.size() != 1) {
                throw InputErrors.of(field, "must name the model's inputs (" + InputErrors.list(declared.stream()
                        .map(TensorSpec::name).toList()) + "): lists of values fit only a model with one input");
            }
            TensorSpec spec = declared.get(0);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = new HashMap<>(2);
                row.put(spec.name(), TensorSlices.fromJson(rows.get(i), spec, field + "[" + i + "]"));
                out.add(row);
            }
            return out;
        }
        int f = declared.size();
        RowLayout layout = signature.inputLayout();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            int index = i;
            boolean scalar = !row.isArray() && f == 1;
            if (!scalar && (!row.isArray() || row.size() != f)) {
                throw InputErrors.of(field + "[" + i + "]", "has " + (row.isArray() ? row.size() + " values" : JsonBodies.kind(row))
                        + " but the model takes " + f + " columns (" + InputBinding.names(declared)
                        + "); name them, or give all of them in this order");
            }
            Object[] values = new Object[f];
            for (int j = 0; j < f; j++) {
                TensorSpec column = declared.get(j);
                values[j] = TabularCells.fromJson(scalar ? row : row.get(j), column,
                        () -> field + "[" + index + "] column " + InputErrors.quote(column.name()));
            }
            out.add(layout.row(values));
        }
        return out;
    }
}
