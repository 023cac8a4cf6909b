package io.aidos.serving.internal.http.protocol;

import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.RowLayout;
import io.aidos.serving.internal.signature.TensorSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a {@code text/csv} request to MLflow's scoring server: a header row of column names, then one record
 * per row. Tabular models take the columns as features, typed by the signature; a tensor model takes one value per
 * input (a number, or the text for a string input), or, with one input and other column names, each record as that
 * input's slice.
 */
final class MlflowCsvRows {
    private MlflowCsvRows() {
    }

    static List<Map<String, Object>> parse(byte[] body, ModelSignature signature) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvTable table = CsvTable.parse(text);
        if (table.records().isEmpty()) {
            throw InputErrors.of("CSV body", "is empty; it needs a header row of column names");
        }
        String[] header = table.records().get(0);
        List<String> names = Arrays.stream(header).map(h -> h == null ? "" : h.strip()).toList();
        int n = table.records().size() - 1;
        RowLimit.check(n, "CSV body");
        for (int i = 1; i <= n; i++) {
            int width = table.records().get(i).length;
            if (width != header.length) {
                throw InputErrors.of("CSV line " + table.lines().get(i), "has " + width + " fields but the header has "
                        + header.length);
            }
        }
        List<TensorSpec> declared = signature.inputs();
        if (!signature.tabular() && declared.size() == 1 && names.size() > 1
                && !names.contains(declared.get(0).name())) {
            return slices(table, declared.get(0));
        }
        TensorSpec[] bound = InputBinding.bind(names, signature, "column");
        if (!signature.tabular()) {
            for (TensorSpec spec : bound) {
                TensorSlices.checkCount(spec, 1, "CSV column " + InputErrors.quote(spec.name()), () -> "one CSV value");
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(n);
        RowLayout layout = RowLayout.of(signature, bound);
        for (int i = 1; i <= n; i++) {
            String[] record = table.records().get(i);
            Object[] row = new Object[bound.length];
            for (int j = 0; j < bound.length; j++) {
                String field = "CSV line " + table.lines().get(i) + " column " + InputErrors.quote(names.get(j));
                row[j] = signature.tabular() ? TabularCells.fromText(record[j], bound[j], field)
                        : TensorSlices.takesStrings(bound[j]) ? new String[] {text(record[j], field)}
                        : TensorSlices.takesLongs(bound[j], 1) ? new long[] {whole(record[j], field)}
                        : new double[] {number(record[j], field)};
            }
            rows.add(layout.row(row));
        }
        return rows;
    }

    /** Each record as the slice of a one-input tensor model. */
    private static List<Map<String, Object>> slices(CsvTable table, TensorSpec spec) {
        int n = table.records().size() - 1;
        int width = table.records().get(0).length;
        TensorSlices.checkCount(spec, width, "CSV body", () -> width + " columns");
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String[] record = table.records().get(i);
            boolean strings = TensorSlices.takesStrings(spec);
            boolean longs = TensorSlices.takesLongs(spec, 1);
            double[] numbers = new double[strings || longs ? 0 : width];
            long[] integers = new long[longs ? width : 0];
            String[] texts = new String[strings ? width : 0];
            for (int k = 0; k < width; k++) {
                String field = "CSV line " + table.lines().get(i) + " field " + (k + 1);
                if (strings) {
                    texts[k] = text(record[k], field);
                } else if (longs) {
                    integers[k] = whole(record[k], field);
                } else {
                    numbers[k] = number(record[k], field);
                }
            }
            Map<String, Object> row = new HashMap<>(2);
            row.put(spec.name(), strings ? texts : longs ? integers : numbers);
            rows.add(row);
        }
        return rows;
    }

    /** A string input's cell: as written, quoted "" being the empty string; an empty unquoted cell is missing. */
    private static String text(String text, String field) {
        if (text == null) {
            throw InputErrors.of(field, "is empty; missing values are allowed only for tabular models (quote \"\" for"
                    + " an empty string)");
        }
        return text;
    }

    /** An INT64 input's cell, exactly (a double would round beyond 2^53). */
    private static long whole(String text, String field) {
        if (text != null) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException notALong) {
                // a whole number written with a fraction or exponent ("3.0", "1e3") is read as a double below
            }
        }
        double d = number(text, field);
        if (d != Math.rint(d) || d < -0x1p63 || d >= 0x1p63) {
            throw InputErrors.of(field, "must be a whole number that fits INT64 but was " + InputErrors.quote(text));
        }
        return (long) d;
    }

    private static double number(String text, String field) {
        if (text == null || text.isBlank()) {
            throw InputErrors.of(field, "is empty; missing values are allowed only for tabular models");
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw InputErrors.of(field, "must be a number but was " + InputErrors.quote(text));
        }
    }
}
