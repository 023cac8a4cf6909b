package io.aidos.training.internal.tuning;

import io.aidos.api.SearchSpace.Dimension;
import io.aidos.api.SearchSpace.Kind;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A density over one dimension's coordinate, fitted to a few observed points. Numeric dimensions: an equally
 * weighted mixture of Gaussians truncated to the range, one per point plus a wide prior at the range's middle; each
 * point's width is the larger distance to its neighbours (the range ends count as neighbours), clipped to between
 * range/min(100, n+1) and the range (Bergstra et al.'s rule). CHOICE: each choice's frequency plus one (the prior).
 */
final class ParzenEstimator {
    private final boolean categorical;
    private final double low;
    private final double high;
    private final double[] mu;
    private final double[] sigma;
    private final double[] weights; // categorical: probability per choice
    private final double[] mass;    // numeric: each truncated component's mass inside the range

    private ParzenEstimator(boolean categorical, double low, double high, double[] mu, double[] sigma,
                            double[] weights) {
        this.categorical = categorical;
        this.low = low;
        this.high = high;
        this.mu = mu;
        this.sigma = sigma;
        this.weights = weights;
        this.mass = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            mass[i] = Math.max(1e-12, cdf((high - mu[i]) / sigma[i]) - cdf((low - mu[i]) / sigma[i]));
        }
    }

    static ParzenEstimator fit(Dimension d, double[] points) {
        if (d.kind() == Kind.CHOICE) {
            int k = d.choices().size();
            double[] w = new double[k];
            Arrays.fill(w, 1.0);
            for (double p : points) {
                w[(int) p] += 1;
            }
            double total = k + points.length;
            for (int i = 0; i < k; i++) {
                w[i] /= total;
            }
            return new ParzenEstimator(true, 0, k - 1, new double[0], new double[0], w);
        }
        double low = Dimensions.low(d);
        double high = Dimensions.high(d);
        double range = Math.max(high - low, 1e-12);
        double[] mu = new double[points.length + 1];
        double[] sigma = new double[points.length + 1];
        double[] sorted = points.clone();
        Arrays.sort(sorted);
        double minSigma = range / Math.min(100.0, sorted.length + 1);
        for (int i = 0; i < sorted.length; i++) {
            double left = sorted[i] - (i == 0 ? low : sorted[i - 1]);
            double right = (i == sorted.length - 1 ? high : sorted[i + 1]) - sorted[i];
            mu[i] = sorted[i];
            sigma[i] = Math.min(range, Math.max(minSigma, Math.max(left, right)));
        }
        mu[sorted.length] = (low + high) / 2;
        sigma[sorted.length] = range;
        return new ParzenEstimator(false, low, high, mu, sigma, null);
    }

    /** A coordinate drawn from the density. */
    double sample(SplittableRandom rng) {
        if (categorical) {
            double u = rng.nextDouble();
            for (int i = 0; i < weights.length; i++) {
                u -= weights[i];
                if (u <= 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
        int i = rng.nextInt(mu.length);
        for (int tries = 0; tries < 100; tries++) {
            double x = mu[i] + sigma[i] * gaussian(rng);
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.max(low, Math.min(high, mu[i]));
    }

    double logDensity(double x) {
        if (categorical) {
            return Math.log(weights[(int) Math.round(x)]);
        }
        double p = 0;
        for (int i = 0; i < mu.length; i++) {
            double z = (x - mu[i]) / sigma[i];
            p += Math.exp(-0.5 * z * z) / (sigma[i] * Math.sqrt(2 * Math.PI) * mass[i]);
        }
        return Math.log(Math.max(p / mu.length, 1e-300));
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double cdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
