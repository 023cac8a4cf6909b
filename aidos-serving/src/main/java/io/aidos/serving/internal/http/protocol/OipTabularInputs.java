package io.aidos.serving.internal.http.protocol;

import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.RowLayout;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rows of an OIP request to a tabular model. Either one input per feature column, shape {@code [N]} or
 * {@code [N, 1]}, or a single input of shape {@code [N, F]} (any name) whose columns are the F features in the
 * signature's order. JSON nulls are missing values.
 */
final class OipTabularInputs {
    private OipTabularInputs() {
    }

    static List<Map<String, Object>> rows(List<OipTensor> tensors, ModelSignature signature) {
        List<TensorSpec> columns = signature.inputs();
        if (tensors.size() == 1 && isMatrix(tensors.get(0), columns)) {
            return fromMatrix(tensors.get(0), signature);
        }
        List<String> given = tensors.stream().map(OipTensor::name).toList();
        TensorSpec[] bound = InputBinding.bind(given, signature, "input");
        for (int j = 0; j < bound.length; j++) {
            OipTensor t = tensors.get(j);
            long[] shape = t.shape();
            if (shape.length > 2 || shape.length == 2 && shape[1] != 1) {
                throw InputErrors.of(t.field(), "has shape " + t.shapeText() + " but a feature column takes [N] or"
                        + " [N, 1] (or send all " + columns.size() + " features as one [N, " + columns.size()
                        + "] input)");
            }
            checkFeeds(t, bound[j], t::field);
        }
        int n = tensors.get(0).rows();
        List<Map<String, Object>> rows = new ArrayList<>(n);
        RowLayout layout = RowLayout.of(signature, bound);
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[bound.length];
            for (int j = 0; j < bound.length; j++) {
                OipTensor t = tensors.get(j);
                row[j] = TabularCells.fromOip(t.data().get(r), t.datatype(), t::field, r);
            }
            rows.add(layout.row(row));
        }
        return rows;
    }

    /** A single input of shape [N, F]: F features in signature order, unless it is the one column's own [N, 1]. */
    private static boolean isMatrix(OipTensor t, List<TensorSpec> columns) {
        long[] shape = t.shape();
        return shape.length == 2 && !columns.isEmpty() && shape[1] == columns.size()
                && (columns.size() > 1 || !t.name().equals(columns.get(0).name()));
    }

    private static List<Map<String, Object>> fromMatrix(OipTensor t, ModelSignature signature) {
        List<TensorSpec> columns = signature.inputs();
        int f = columns.size();
        List<Supplier<String>> fields = new ArrayList<>(f);
        for (int j = 0; j < f; j++) {
            String name = columns.get(j).name();
            fields.add(() -> t.field() + " column " + InputErrors.quote(name));
            checkFeeds(t, columns.get(j), fields.get(j));
        }
        int n = t.rows();
        List<Map<String, Object>> rows = new ArrayList<>(n);
        RowLayout layout = signature.inputLayout();
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[f];
            for (int j = 0; j < f; j++) {
                int at = r * f + j;
                row[j] = TabularCells.fromOip(t.data().get(at), t.datatype(), fields.get(j), at);
            }
            rows.add(layout.row(row));
        }
        return rows;
    }

    private static void checkFeeds(OipTensor t, TensorSpec column, Supplier<String> field) {
        if (!t.datatype().feeds(column.datatype())) {
            throw InputErrors.of(field.get(), "is " + t.datatype() + " but the model's column "
                    + InputErrors.quote(column.name()) + " is " + column.datatype() + "; send "
                    + (OipDatatype.lookup(column.datatype()).kind().numeric()
                            ? "a numeric datatype (" + Arrays.toString(numeric()) + ")" : column.datatype()));
        }
    }

    private static String[] numeric() {
        return Arrays.stream(OipDatatype.values()).filter(d -> d.kind().numeric()).map(Enum::name)
                .toArray(String[]::new);
    }

    static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }
}
