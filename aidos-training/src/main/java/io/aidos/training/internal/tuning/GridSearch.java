package io.aidos.training.internal.tuning;

import io.aidos.api.SearchSpace;
import io.aidos.api.SearchSpace.Dimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every combination of a few points per dimension, the last dimension changing fastest: all whole numbers of an INT
 * range of at most {@value #MAX_INT_VALUES} values (else {@value #POINTS} evenly spaced ones), {@value #POINTS}
 * evenly spaced points of a real range (log-spaced for LOG_UNIFORM), every choice. Trial n gets combination n; the
 * search ends when the grid is exhausted.
 */
final class GridSearch implements Strategy {
    static final int MAX_INT_VALUES = 10;
    static final int POINTS = 5;

    private final List<Dimension> dimensions;
    private final List<List<Object>> axes = new ArrayList<>();

    GridSearch(SearchSpace space) {
        this.dimensions = space.dimensions();
        for (Dimension d : dimensions) {
            axes.add(axis(d));
        }
    }

    /** How many combinations there are (saturating at Long.MAX_VALUE). */
    long size() {
        long n = 1;
        for (List<Object> axis : axes) {
            n = Math.multiplyHigh(n, axis.size()) != 0 ? Long.MAX_VALUE : n * axis.size();
        }
        return n;
    }

    @Override
    public Optional<Map<String, Object>> next(List<Observation> history) {
        long index = history.size();
        if (index >= size()) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        Object[] values = new Object[axes.size()];
        for (int i = axes.size() - 1; i >= 0; i--) {
            List<Object> axis = axes.get(i);
            values[i] = axis.get((int) (index % axis.size()));
            index /= axis.size();
        }
        for (int i = 0; i < values.length; i++) {
            params.put(dimensions.get(i).name(), values[i]);
        }
        return Optional.of(params);
    }

    static List<Object> axis(Dimension d) {
        List<Object> points = new ArrayList<>();
        switch (d.kind()) {
            case INT -> {
                long low = (long) d.low();
                long high = (long) d.high();
                if (high - low + 1 <= MAX_INT_VALUES) {
                    for (long v = low; v <= high; v++) {
                        points.add(v);
                    }
                } else {
                    for (int i = 0; i < POINTS; i++) {
                        long v = Math.round(low + (double) (high - low) * i / (POINTS - 1));
                        if (!points.contains(v)) {
                            points.add(v);
                        }
                    }
                }
            }
            case UNIFORM, LOG_UNIFORM -> {
                double low = Dimensions.low(d);
                double high = Dimensions.high(d);
                int n = low == high ? 1 : POINTS;
                for (int i = 0; i < n; i++) {
                    double c = n == 1 ? low : low + (high - low) * i / (n - 1);
                    points.add(Dimensions.value(d, c));
                }
            }
            case CHOICE -> points.addAll(d.choices());
        }
        return points;
    }
}
