package io.aidos.training.internal.model;

import io.aidos.api.Prediction;
import io.aidos.api.Task;
import io.aidos.training.internal.data.TargetEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a model's raw output row into a {@link Prediction} (see {@link io.aidos.training.internal.algorithm.TrainedModel#predict}). */
public final class OutputDecoder {
    public static final String ANOMALOUS = "ANOMALOUS";
    public static final String EXPECTED = "EXPECTED";

    private OutputDecoder() {
    }

    public static Prediction decode(Task task, TargetEncoder target, double[] out) {
        return switch (task) {
            case CLASSIFICATION -> {
                Map<String, Double> scores = new LinkedHashMap<>();
                int best = 0;
                for (int i = 0; i < out.length; i++) {
                    scores.put(target.labels().get(i), out[i]);
                    if (out[i] > out[best]) {
                        best = i;
                    }
                }
                yield Prediction.ofLabel(target.labels().get(best), scores);
            }
            case REGRESSION -> Prediction.ofValue(target.decodeValue(out[0]));
            case CLUSTERING -> new Prediction(String.valueOf((int) out[0]), Map.of(), Double.NaN);
            case ANOMALY_DETECTION -> new Prediction(out[1] > 0.5 ? ANOMALOUS : EXPECTED, Map.of(), out[0]);
        };
    }

    /** The index of the highest score. */
    public static int argmax(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
