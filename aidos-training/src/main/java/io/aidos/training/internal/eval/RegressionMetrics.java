package io.aidos.training.internal.eval;

import io.aidos.training.internal.data.TargetEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

/** RMSE, MAE and R² in the target's own units. */
final class RegressionMetrics {

    private RegressionMetrics() {
    }

    static Map<String, Double> evaluate(TargetEncoder target, double[] y, double[][] out) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += target.decodeValue(v);
        }
        mean /= n;
        double se = 0;
        double ae = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double truth = target.decodeValue(y[i]);
            double predicted = target.decodeValue(out[i][0]);
            se += (truth - predicted) * (truth - predicted);
            ae += Math.abs(truth - predicted);
            total += (truth - mean) * (truth - mean);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", Math.sqrt(se / n));
        m.put("mae", ae / n);
        m.put("r2", total == 0 ? Double.NaN : 1 - se / total);
        return m;
    }
}
