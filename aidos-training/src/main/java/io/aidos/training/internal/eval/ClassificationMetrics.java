package io.aidos.training.internal.eval;

import io.aidos.training.internal.model.OutputDecoder;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy, macro-averaged precision, recall and F1, ROC AUC for two labels (from the second label's score), and
 * the confusion matrix (rows: true label, columns: predicted). A validation label training never saw counts as
 * wrong and is left out of the matrix.
 */
final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    static Evaluation evaluate(List<String> labels, double[] y, double[][] scores) {
        int k = labels.size();
        long[][] confusion = new long[k][k];
        long correct = 0;
        for (int i = 0; i < y.length; i++) {
            int predicted = OutputDecoder.argmax(scores[i]);
            int truth = (int) y[i];
            if (truth == predicted) {
                correct++;
            }
            if (truth >= 0) {
                confusion[truth][predicted]++;
            }
        }
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long predictedC = 0;
            long actualC = 0;
            for (int j = 0; j < k; j++) {
                predictedC += confusion[j][c];
                actualC += confusion[c][j];
            }
            double p = predictedC == 0 ? 0 : (double) tp / predictedC;
            double r = actualC == 0 ? 0 : (double) tp / actualC;
            precision += p;
            recall += r;
            f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", (double) correct / y.length);
        metrics.put("precision_macro", precision / k);
        metrics.put("recall_macro", recall / k);
        metrics.put("f1_macro", f1 / k);
        if (k == 2) {
            metrics.put("roc_auc", rocAuc(y, scores));
        }
        return new Evaluation(metrics, json(labels, confusion));
    }

    /** The Mann-Whitney form of the AUC, with ties counted half, on the second label's score. */
    static double rocAuc(double[] y, double[][] scores) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(margin(scores[a]), margin(scores[b])));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && margin(scores[order[j + 1]]) == margin(scores[order[i]])) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (y[order[t]] == 1) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = Arrays.stream(y).filter(v -> v == 0).count();
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double margin(double[] s) {
        return s[1] - s[0];
    }

    private static String json(List<String> labels, long[][] confusion) {
        StringBuilder sb = new StringBuilder("{\"labels\": [");
        for (int i = 0; i < labels.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(escape(labels.get(i))).append('"');
        }
        sb.append("],\n \"matrix\": [");
        for (int i = 0; i < confusion.length; i++) {
            sb.append(i == 0 ? "" : ",\n            ").append(Arrays.toString(confusion[i]));
        }
        return sb.append("]}\n").toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
