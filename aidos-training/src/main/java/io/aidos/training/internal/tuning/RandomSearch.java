package io.aidos.training.internal.tuning;

import io.aidos.api.SearchSpace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Independent uniform samples (log-uniform for LOG_UNIFORM); trial n of seed s always gets the same params. */
final class RandomSearch implements Strategy {
    private final SearchSpace space;
    private final long seed;

    RandomSearch(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    @Override
    public Optional<Map<String, Object>> next(List<Observation> history) {
        return Optional.of(sample(space, Dimensions.forTrial(seed, history.size() + 1)));
    }

    static Map<String, Object> sample(SearchSpace space, SplittableRandom rng) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (SearchSpace.Dimension d : space.dimensions()) {
            params.put(d.name(), Dimensions.sample(d, rng));
        }
        return params;
    }
}
