package io.aidos.core.internal.dataset;

import io.aidos.api.InvalidInputException;
import java.util.BitSet;
import java.util.Random;

/**
 * Which rows go to the training side of a split: exactly {@code round(n * fraction)} rows, chosen by a
 * Fisher–Yates shuffle driven by {@link Random}, whose algorithm the JDK specifies — the same seed gives the same
 * split on every JVM and backend.
 */
final class SplitPlan {
    private SplitPlan() {
    }

    static void checkFraction(double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new InvalidInputException("trainFraction", trainFraction, "must be between 0 and 1 (exclusive)");
        }
    }

    static BitSet trainRows(long rowCount, double trainFraction, long seed) {
        checkFraction(trainFraction);
        if (rowCount > Integer.MAX_VALUE) {
            throw new InvalidInputException("rowCount", rowCount, "must be at most " + Integer.MAX_VALUE + " to split");
        }
        int n = (int) rowCount;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int train = (int) Math.round(n * trainFraction);
        BitSet rows = new BitSet(n);
        for (int i = 0; i < train; i++) {
            rows.set(order[i]);
        }
        return rows;
    }
}
