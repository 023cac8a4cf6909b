package io.aidos.serving.internal.predictor.torchscript;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.aidos.api.AiDosException;
import io.aidos.api.Prediction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the model's first output, {@code [rows, ...]}, as one prediction per row: one value per row is
 * {@link Prediction#ofValue}; K &gt; 1 values per row are scores keyed {@code "0"} to {@code "K-1"} as the model gave
 * them (no softmax), labelled with the index of the highest (the first on ties).
 */
final class OutputRows {

    private OutputRows() {
    }

    static List<Prediction> predictions(NDArray output, int rows) {
        long[] shape = output.getShape().getShape();
        long size = output.size();
        if (shape.length == 0 ? rows != 1 : shape[0] != rows) {
            throw new AiDosException("the TorchScript model answered shape " + output.getShape() + " for " + rows
                    + " rows; its first output must have one entry per row");
        }
        int width = rows == 0 ? 0 : (int) (size / rows);
        if (rows > 0 && width == 0) {
            throw new AiDosException("the TorchScript model answered shape " + output.getShape()
                    + ", no values per row");
        }
        double[] values = output.getDataType() == DataType.FLOAT64 ? output.toDoubleArray()
                : output.toType(DataType.FLOAT64, false).toDoubleArray();
        List<Prediction> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            out.add(width == 1 ? Prediction.ofValue(values[r]) : scores(values, r * width, width));
        }
        return out;
    }

    private static Prediction scores(double[] values, int from, int width) {
        Map<String, Double> scores = new LinkedHashMap<>();
        int best = 0;
        for (int k = 0; k < width; k++) {
            double v = values[from + k];
            scores.put(Integer.toString(k), v);
            if (v > values[from + best]) {
                best = k;
            }
        }
        return Prediction.ofLabel(Integer.toString(best), scores);
    }
}
