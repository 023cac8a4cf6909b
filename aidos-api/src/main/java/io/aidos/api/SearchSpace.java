package io.aidos.api;

import io.aidos.spi.Arguments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a tuning job searches over:
 * {@code SearchSpace.builder().intRange("max_depth", 2, 8).logRange("eta", 0.01, 0.3).build()}. Immutable.
 */
public final class SearchSpace {

    /** How a dimension is sampled. */
    public enum Kind { INT, UNIFORM, LOG_UNIFORM, CHOICE }

    /** One searched parameter. Ranges are inclusive; {@code choices} is set only for CHOICE. */
    public record Dimension(String name, Kind kind, double low, double high, List<Object> choices) {
        public Dimension {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    private final List<Dimension> dimensions;

    private SearchSpace(List<Dimension> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    @Override
    public String toString() {
        return "SearchSpace" + dimensions;
    }

    /** Each setter validates its range; a name may be used once. */
    public static final class Builder {
        private final Map<String, Dimension> dims = new LinkedHashMap<>();

        private Builder() {
        }

        /** Whole numbers from {@code low} to {@code high}, uniformly. */
        public Builder intRange(String name, long low, long high) {
            if (low > high) {
                throw new InvalidInputException(name + " range", low + ".." + high, "must have low <= high");
            }
            return add(new Dimension(name, Kind.INT, low, high, null));
        }

        /** Real numbers from {@code low} to {@code high}, uniformly. */
        public Builder range(String name, double low, double high) {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
                throw new InvalidInputException(name + " range", low + ".." + high, "must be finite with low <= high");
            }
            return add(new Dimension(name, Kind.UNIFORM, low, high, null));
        }

        /** Real numbers from {@code low} to {@code high}, uniformly in their logarithm (learning rates). */
        public Builder logRange(String name, double low, double high) {
            if (!(low > 0 && Double.isFinite(high) && low <= high)) {
                throw new InvalidInputException(name + " range", low + ".." + high, "must have 0 < low <= high");
            }
            return add(new Dimension(name, Kind.LOG_UNIFORM, low, high, null));
        }

        /** One of the given strings, numbers or booleans. */
        public Builder choice(String name, Object... values) {
            if (values == null || values.length == 0) {
                throw new InvalidInputException(name + " choices", null, "must name at least one value");
            }
            List<Object> list = new ArrayList<>();
            for (Object v : values) {
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw new InvalidInputException(name + " choice", v, "must be a string, number or boolean");
                }
                list.add(v);
            }
            return add(new Dimension(name, Kind.CHOICE, 0, list.size() - 1, list));
        }

        private Builder add(Dimension d) {
            Arguments.key("search space parameter", d.name());
            if (dims.putIfAbsent(d.name(), d) != null) {
                throw new InvalidInputException("search space parameter", d.name(), "is given twice");
            }
            return this;
        }

        public SearchSpace build() {
            if (dims.isEmpty()) {
                throw new InvalidInputException("search space", null, "must have at least one parameter");
            }
            return new SearchSpace(new ArrayList<>(dims.values()));
        }
    }
}
