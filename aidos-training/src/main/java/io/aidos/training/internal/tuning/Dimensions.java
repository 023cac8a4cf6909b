package io.aidos.training.internal.tuning;

import io.aidos.api.SearchSpace.Dimension;
import io.aidos.api.SearchSpace.Kind;

import java.util.SplittableRandom;

/**
 * Sampling and the numeric coordinate of one search dimension. The coordinate is the value itself for INT and
 * UNIFORM, its natural logarithm for LOG_UNIFORM and the choice index for CHOICE; strategies that model the space
 * (TPE) work in it.
 */
final class Dimensions {

    private Dimensions() {
    }

    /** A uniform sample (uniform in the logarithm for LOG_UNIFORM). */
    static Object sample(Dimension d, SplittableRandom rng) {
        return switch (d.kind()) {
            case INT -> (long) d.low() + rng.nextLong((long) d.high() - (long) d.low() + 1);
            case UNIFORM -> d.low() + rng.nextDouble() * (d.high() - d.low());
            case LOG_UNIFORM -> Math.exp(Math.log(d.low()) + rng.nextDouble() * (Math.log(d.high())
                    - Math.log(d.low())));
            case CHOICE -> d.choices().get(rng.nextInt(d.choices().size()));
        };
    }

    /** The coordinate's lower bound (INT ranges are widened by half a step, so rounding is fair at the ends). */
    static double low(Dimension d) {
        return switch (d.kind()) {
            case INT -> d.low() - 0.5;
            case LOG_UNIFORM -> Math.log(d.low());
            default -> d.low();
        };
    }

    static double high(Dimension d) {
        return switch (d.kind()) {
            case INT -> d.high() + 0.5;
            case LOG_UNIFORM -> Math.log(d.high());
            default -> d.high();
        };
    }

    /** The coordinate of a value of this dimension. */
    static double coordinate(Dimension d, Object value) {
        if (d.kind() == Kind.CHOICE) {
            int i = d.choices().indexOf(value);
            if (i < 0) { // a stored value may come back as another Number type
                for (int j = 0; j < d.choices().size(); j++) {
                    if (String.valueOf(d.choices().get(j)).equals(String.valueOf(value))) {
                        return j;
                    }
                }
            }
            return i;
        }
        double v = ((Number) value).doubleValue();
        return d.kind() == Kind.LOG_UNIFORM ? Math.log(v) : v;
    }

    /** The value at a coordinate, kept inside the range. */
    static Object value(Dimension d, double coordinate) {
        return switch (d.kind()) {
            case INT -> Math.max((long) d.low(), Math.min((long) d.high(), Math.round(coordinate)));
            case UNIFORM -> Math.max(d.low(), Math.min(d.high(), coordinate));
            case LOG_UNIFORM -> Math.max(d.low(), Math.min(d.high(), Math.exp(coordinate)));
            case CHOICE -> d.choices().get((int) coordinate);
        };
    }

    /** A random generator for trial {@code number} of a search seeded with {@code seed}: the same every time. */
    static SplittableRandom forTrial(long seed, int number) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    }
}
