package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aidos.api.AiDosException;
import io.aidos.api.Prediction;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's outputs into one {@link Prediction} per row. Scores (K values per row, K > 1) give a classification
 * keyed by class index {@code "0".."K-1"}, labelled with the label output's value where the graph has one, else with
 * the index of the highest score; a label output alone gives labels without scores; one value per row gives a
 * regression value. Scores given as one class-to-score map per row (scikit-learn's ZipMap) are keyed by those classes,
 * in their natural order (the order of scikit-learn's {@code classes_}).
 */
final class PredictionReader {
    private PredictionReader() {
    }

    /** Where a run's outputs are read from: its result, or the buffers its outputs were pinned to. */
    interface Outputs {
        Values values(String name) throws OrtException;
    }

    /** The predictions of the first {@code rows} rows of {@code result} (later ones are padding). */
    static List<Prediction> read(OrtSession.Result result, GraphSignature graph, int rows) throws OrtException {
        return read(name -> values(result, name, rows), graph, rows);
    }

    /** The predictions of the first {@code rows} rows of {@code outputs} (later ones are padding). */
    static List<Prediction> read(Outputs outputs, GraphSignature graph, int rows) throws OrtException {
        Values scores = graph.scores() == null ? null : outputs.values(graph.scores());
        Values labels = graph.label() == null ? null : outputs.values(graph.label());
        Values value = graph.value() == null ? null : outputs.values(graph.value());
        List<Prediction> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            if (scores != null && (scores.perRow() > 1 || scores.classes() != null)) {
                out.add(classified(scores, labels, i));
            } else if (scores != null && scores.perRow() == 1 && labels == null) {
                out.add(Prediction.ofValue(scores.numbers()[i]));
            } else if (labels != null) {
                out.add(Prediction.ofLabel(labels.label(i), Map.of()));
            } else if (value != null) {
                out.add(Prediction.ofValue(value.numbers()[i]));
            } else {
                throw new AiDosException("output '" + graph.scores() + "' holds no scores (" + scores.perRow()
                        + " values per row)");
            }
        }
        return out;
    }

    private static Prediction classified(Values scores, Values labels, int row) {
        int k = scores.perRow();
        Map<String, Double> byClass = new HashMap<>(k * 2);
        int best = 0;
        for (int c = 0; c < k; c++) {
            double s = scores.numbers()[row * k + c];
            byClass.put(scores.className(c), s);
            if (s > scores.numbers()[row * k + best] || Double.isNaN(scores.numbers()[row * k + best])) {
                best = c;
            }
        }
        String label = labels != null ? labels.label(row) : scores.className(best);
        return Prediction.ofLabel(label, byClass);
    }

    /**
     * One output's values, flat in row-major order, as numbers or (string tensors) as text; {@code classes} names the
     * columns of scores that came as class-to-score maps (null: columns are class indexes).
     */
    record Values(int perRow, double[] numbers, String[] strings, String[] classes, long[] integers) {
        Values(int perRow, double[] numbers, String[] strings) {
            this(perRow, numbers, strings, null, null);
        }

        Values(int perRow, double[] numbers, String[] strings, String[] classes) {
            this(perRow, numbers, strings, classes, null);
        }

        /** INT64 values: as numbers for scores and values, and exactly for labels (class ids beyond 2^53). */
        static Values ofLongs(int perRow, long[] integers) {
            double[] numbers = new double[integers.length];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = integers[i];
            }
            return new Values(perRow, numbers, null, null, integers);
        }

        String className(int column) {
            return classes != null ? classes[column] : Integer.toString(column);
        }

        String label(int row) {
            if (strings != null) {
                return strings[row * perRow];
            }
            if (integers != null) {
                return Long.toString(integers[row * perRow]);
            }
            double v = numbers[row * perRow];
            return v == Math.rint(v) && Math.abs(v) < 0x1p53 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private static Values values(OrtSession.Result result, String name, int rows) throws OrtException {
        OnnxValue value = result.get(name).orElseThrow(() -> new AiDosException("ONNX Runtime returned no output '"
                + name + "'"));
        if (value instanceof OnnxSequence sequence) {
            return ClassScores.read(name, sequence, rows);
        }
        if (!(value instanceof OnnxTensor tensor)) {
            throw new AiDosException("output '" + name + "' is a " + value.getType() + ", not a tensor");
        }
        long[] shape = tensor.getInfo().getShape();
        long perRow = 1;
        for (int i = 1; i < shape.length; i++) {
            perRow *= shape[i];
        }
        if (shape.length == 0 || shape[0] < rows || perRow > Integer.MAX_VALUE) {
            throw new AiDosException("output '" + name + "' has shape " + Arrays.toString(shape)
                    + ", which does not hold one entry per input row (" + rows + " rows)");
        }
        if (tensor.getInfo().type == OnnxJavaType.STRING) {
            return new Values((int) perRow, null, flatten(tensor.getValue()));
        }
        if (tensor.getInfo().type == OnnxJavaType.INT64) {
            LongBuffer b = tensor.getLongBuffer();
            long[] integers = new long[b.remaining()];
            b.get(integers);
            return Values.ofLongs((int) perRow, integers);
        }
        return new Values((int) perRow, numbers(name, tensor), null);
    }

    private static double[] numbers(String name, OnnxTensor tensor) {
        OnnxJavaType type = tensor.getInfo().type;
        switch (type) {
            case FLOAT -> {
                FloatBuffer b = tensor.getFloatBuffer();
                double[] out = new double[b.remaining()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.get(i);
                }
                return out;
            }
            case DOUBLE -> {
                DoubleBuffer b = tensor.getDoubleBuffer();
                double[] out = new double[b.remaining()];
                b.get(out);
                return out;
            }
            case INT32 -> {
                IntBuffer b = tensor.getIntBuffer();
                double[] out = new double[b.remaining()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.get(i);
                }
                return out;
            }
            default -> throw new AiDosException("output '" + name + "' has element type " + type
                    + ", which cannot be read as numbers");
        }
    }

    private static String[] flatten(Object value) {
        List<String> out = new ArrayList<>();
        flattenInto(value, out);
        return out.toArray(String[]::new);
    }

    private static void flattenInto(Object value, List<String> out) {
        if (value instanceof Object[] array) {
            for (Object o : array) {
                flattenInto(o, out);
            }
        } else {
            out.add(String.valueOf(value));
        }
    }
}
