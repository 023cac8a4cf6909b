package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import io.aidos.api.AiDosException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores that a graph answers as one class-to-score map per row (scikit-learn's ZipMap), read into the flat form the
 * other outputs take: the classes sorted (numbers by value, as scikit-learn's {@code classes_} are), one column each.
 */
final class ClassScores {
    private ClassScores() {
    }

    /** The first {@code rows} maps of {@code sequence}; every row must score the same classes. */
    static PredictionReader.Values read(String name, OnnxSequence sequence, int rows) throws OrtException {
        List<? extends OnnxValue> maps = sequence.getValue();
        try {
            if (maps.size() < rows) {
                throw new AiDosException("output '" + name + "' holds " + maps.size() + " maps, not one per input row ("
                        + rows + " rows)");
            }
            List<Object> keys = null;
            String[] classes = null;
            double[] numbers = null;
            for (int r = 0; r < rows; r++) {
                Map<?, ?> scores = ((OnnxMap) maps.get(r)).getValue();
                if (keys == null) {
                    keys = sortedKeys(scores);
                    classes = keys.stream().map(String::valueOf).toArray(String[]::new);
                    numbers = new double[rows * keys.size()];
                }
                if (scores.size() != keys.size()) {
                    throw differs(name, r, classes, scores);
                }
                for (int c = 0; c < keys.size(); c++) {
                    Object score = scores.get(keys.get(c));
                    if (!(score instanceof Number n)) {
                        throw differs(name, r, classes, scores);
                    }
                    numbers[r * keys.size() + c] = n.doubleValue();
                }
            }
            return keys == null ? new PredictionReader.Values(0, new double[0], null, new String[0])
                    : new PredictionReader.Values(keys.size(), numbers, null, classes);
        } finally {
            maps.forEach(OnnxValue::close); // a sequence's elements are closed on their own
        }
    }

    /** Long keys by value, string keys as text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> sortedKeys(Map<?, ?> scores) {
        List keys = new ArrayList<>(scores.keySet());
        keys.sort(null);
        return keys;
    }

    private static AiDosException differs(String name, int row, String[] classes, Map<?, ?> scores) {
        return new AiDosException("output '" + name + "' scores classes " + scores.keySet() + " in row " + row
                + " but " + List.of(classes) + " in row 0");
    }
}
