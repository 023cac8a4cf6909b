package io.aidos.api;

import java.util.Map;

/**
 * One prediction. Classification: {@link #label()} and per-label {@link #scores()} (probabilities when the model
 * has them). Regression: {@link #value()}. Clustering: the cluster id as the label. Anomaly detection: label
 * {@code ANOMALOUS} or {@code EXPECTED}, the score as the value. Fields a task does not fill are null, empty or NaN.
 */
public record Prediction(String label, Map<String, Double> scores, double value) {
    public Prediction {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }

    public static Prediction ofLabel(String label, Map<String, Double> scores) {
        return new Prediction(label, scores, Double.NaN);
    }

    public static Prediction ofValue(double value) {
        return new Prediction(null, Map.of(), value);
    }
}
