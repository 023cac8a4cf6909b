package io.aidos.training.internal.eval;

import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.TrainingData;

import java.util.Map;

/** What evaluation produced: metrics for the run, and for classification the confusion matrix as JSON. */
public record Evaluation(Map<String, Double> metrics, String confusionMatrixJson) {

    /** Evaluates {@code model} on {@code data}'s validation rows (the training rows when nothing was held out). */
    public static Evaluation of(TrainingData data, TrainedModel model) {
        double[][] out = model.predict(data.validX());
        return switch (data.task()) {
            case CLASSIFICATION -> ClassificationMetrics.evaluate(data.target().labels(), data.validY(), out);
            case REGRESSION -> new Evaluation(RegressionMetrics.evaluate(data.target(), data.validY(), out), null);
            case CLUSTERING -> new Evaluation(ClusteringMetrics.evaluate(data.validX(), out), null);
            case ANOMALY_DETECTION -> new Evaluation(anomaly(out), null);
        };
    }

    private static Map<String, Double> anomaly(double[][] out) {
        double anomalous = 0;
        double score = 0;
        for (double[] o : out) {
            anomalous += o[1];
            score += o[0];
        }
        return Map.of("anomaly_fraction", anomalous / out.length, "mean_anomaly_score", score / out.length);
    }
}
