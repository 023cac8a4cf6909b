package io.aidos.examples;

import io.aidos.api.Column;
import io.aidos.api.DatasetSlice;
import io.aidos.api.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A deliberately small classifier for the demo: each class is the mean of its numeric features; a row gets the
 * class of the nearest mean. Real fitting on real data — the Tribuo and DJL trainers come with aidos-training.
 */
final class NearestCentroid {
    private final List<String> features;
    private final Map<String, double[]> centroids;

    private NearestCentroid(List<String> features, Map<String, double[]> centroids) {
        this.features = features;
        this.centroids = centroids;
    }

    static NearestCentroid fit(DatasetSlice train, String target) {
        List<String> features = train.source().schema().columns().stream()
                .filter(c -> c.type().isNumeric()).map(Column::name).toList();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Stream<Row> rows = train.rows()) {
            rows.forEach(r -> {
                String label = r.getString(target);
                double[] sum = sums.computeIfAbsent(label, k -> new double[features.size()]);
                for (int i = 0; i < features.size(); i++) {
                    sum[i] += r.getDouble(features.get(i));
                }
                counts.merge(label, 1, Integer::sum);
            });
        }
        sums.forEach((label, sum) -> {
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= counts.get(label);
            }
        });
        return new NearestCentroid(features, sums);
    }

    String predict(Row row) {
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, double[]> c : centroids.entrySet()) {
            double d = 0;
            for (int i = 0; i < features.size(); i++) {
                double diff = row.getDouble(features.get(i)) - c.getValue()[i];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c.getKey();
            }
        }
        return best;
    }

    double accuracy(DatasetSlice slice) {
        String target = "Species";
        long[] hits = new long[2];
        try (Stream<Row> rows = slice.rows()) {
            rows.forEach(r -> {
                hits[1]++;
                if (predict(r).equals(r.getString(target))) {
                    hits[0]++;
                }
            });
        }
        return (double) hits[0] / hits[1];
    }

    String toJson() {
        StringBuilder sb = new StringBuilder("{\"features\":[");
        for (int i = 0; i < features.size(); i++) {
            sb.append(i > 0 ? "," : "").append('"').append(features.get(i)).append('"');
        }
        sb.append("],\"centroids\":{");
        int n = 0;
        for (Map.Entry<String, double[]> c : centroids.entrySet()) {
            sb.append(n++ > 0 ? "," : "").append('"').append(c.getKey()).append("\":")
                    .append(java.util.Arrays.toString(c.getValue()));
        }
        return sb.append("}}").toString();
    }
}
