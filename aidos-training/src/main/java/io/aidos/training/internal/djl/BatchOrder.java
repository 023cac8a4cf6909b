package io.aidos.training.internal.djl;

import java.util.Random;

/** The order an epoch visits the training rows in: a shuffle that depends only on the seed and the epoch. */
final class BatchOrder {

    private BatchOrder() {
    }

    static int[] shuffled(int rows, long seed, int epoch) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
