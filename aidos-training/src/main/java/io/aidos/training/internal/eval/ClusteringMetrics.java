package io.aidos.training.internal.eval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Inertia (sum of squared distances to the assigned cluster's mean, in encoded feature space) and the mean
 * silhouette coefficient, on at most {@value #SILHOUETTE_SAMPLE} rows (it is quadratic).
 */
final class ClusteringMetrics {
    static final int SILHOUETTE_SAMPLE = 2000;

    private ClusteringMetrics() {
    }

    static Map<String, Double> evaluate(double[][] x, double[][] out) {
        int n = x.length;
        int[] cluster = new int[n];
        Map<Integer, double[]> sums = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cluster[i] = (int) out[i][0];
            double[] s = sums.computeIfAbsent(cluster[i], c -> new double[x[0].length]);
            for (int d = 0; d < s.length; d++) {
                s[d] += x[i][d];
            }
            counts.merge(cluster[i], 1, Integer::sum);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            double[] s = sums.get(cluster[i]);
            int c = counts.get(cluster[i]);
            double d2 = 0;
            for (int d = 0; d < s.length; d++) {
                double diff = x[i][d] - s[d] / c;
                d2 += diff * diff;
            }
            inertia += d2;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("inertia", inertia);
        m.put("clusters", (double) counts.size());
        m.put("silhouette", silhouette(x, cluster, counts.size()));
        return m;
    }

    private static double silhouette(double[][] x, int[] cluster, int clusters) {
        if (clusters < 2) {
            return Double.NaN;
        }
        int n = x.length;
        int[] rows = new Random(0).ints(0, n).distinct().limit(Math.min(n, SILHOUETTE_SAMPLE)).toArray();
        double total = 0;
        int counted = 0;
        for (int i : rows) {
            Map<Integer, double[]> byCluster = new HashMap<>(); // cluster -> {distance sum, count}
            for (int j : rows) {
                if (i != j) {
                    double[] acc = byCluster.computeIfAbsent(cluster[j], c -> new double[2]);
                    acc[0] += distance(x[i], x[j]);
                    acc[1]++;
                }
            }
            double[] own = byCluster.get(cluster[i]);
            if (own == null || own[1] == 0) {
                continue; // a singleton's silhouette is 0 by convention; leave it out
            }
            double a = own[0] / own[1];
            double b = Double.POSITIVE_INFINITY;
            for (Map.Entry<Integer, double[]> e : byCluster.entrySet()) {
                if (e.getKey() != cluster[i] && e.getValue()[1] > 0) {
                    b = Math.min(b, e.getValue()[0] / e.getValue()[1]);
                }
            }
            if (Double.isFinite(b)) {
                total += (b - a) / Math.max(a, b);
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : total / counted;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
