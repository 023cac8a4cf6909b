package io.aidos.serving.internal.http.protocol;

import io.aidos.api.Prediction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a {@code scores} output: every label that any prediction scores, sorted. Tabular models' labels
 * sort as text; tensor models' class indexes ("0", "1", ..., "10") sort as numbers, any other key after them.
 */
final class ScoreLabels {
    /** Whole-number keys by value first, then any other key as text. */
    static final Comparator<String> INDEX_ORDER = (a, b) -> {
        Long x = index(a);
        Long y = index(b);
        if (x != null && y != null) {
            return Long.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private ScoreLabels() {
    }

    static List<String> of(List<Prediction> predictions, boolean indexOrder) {
        Set<String> keys = new HashSet<>();
        for (Prediction p : predictions) {
            keys.addAll(p.scores().keySet());
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(indexOrder ? INDEX_ORDER : Comparator.naturalOrder());
        return sorted;
    }

    private static Long index(String key) {
        int n = key.length();
        if (n == 0 || n > 18) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(key);
    }
}
