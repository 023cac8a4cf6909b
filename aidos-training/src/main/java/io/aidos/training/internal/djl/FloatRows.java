package io.aidos.training.internal.djl;

/** Encoded rows as one row-major float array (what PyTorch takes), with their targets. */
final class FloatRows {
    final float[] x;
    final float[] y;
    final int rows;
    final int width;

    private FloatRows(float[] x, float[] y, int rows, int width) {
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.width = width;
    }

    /** {@code y} may be empty (prediction); otherwise one target per row. */
    static FloatRows of(double[][] features, double[] targets, int width) {
        float[] x = new float[features.length * width];
        for (int i = 0; i < features.length; i++) {
            double[] row = features[i];
            for (int j = 0; j < width; j++) {
                x[i * width + j] = (float) row[j];
            }
        }
        float[] y = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            y[i] = (float) targets[i];
        }
        return new FloatRows(x, y, features.length, width);
    }

    /** Classification rows whose label training saw (index >= 0); the others cannot be scored. */
    static FloatRows knownLabels(double[][] features, double[] labels, int width) {
        int kept = 0;
        for (double label : labels) {
            kept += label >= 0 ? 1 : 0;
        }
        if (kept == labels.length) {
            return of(features, labels, width);
        }
        double[][] x = new double[kept][];
        double[] y = new double[kept];
        for (int i = 0, k = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                x[k] = features[i];
                y[k++] = labels[i];
            }
        }
        return of(x, y, width);
    }

    /** Copies rows {@code order[from..to)} into {@code xOut} and {@code yOut} (sized for at least that many rows). */
    void gather(int[] order, int from, int to, float[] xOut, float[] yOut) {
        for (int i = from; i < to; i++) {
            int row = order[i];
            System.arraycopy(x, row * width, xOut, (i - from) * width, width);
            yOut[i - from] = y[row];
        }
    }
}
