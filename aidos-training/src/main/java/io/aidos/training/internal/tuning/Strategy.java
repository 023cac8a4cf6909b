package io.aidos.training.internal.tuning;

import io.aidos.api.Goal;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes the next trial's params from every trial proposed so far. A strategy decides from {@code history} and
 * the trial number alone (no hidden state), so a coordinator that was restarted and recovered the history proposes
 * what the first one would have.
 */
public interface Strategy {

    /**
     * The params of trial {@code history.size() + 1} (one value per dimension: Long for INT, Double for real ranges,
     * the chosen object for CHOICE), or empty when the strategy has nothing left to try.
     */
    Optional<Map<String, Object>> next(List<Observation> history);

    static Strategy of(SearchStrategy kind, SearchSpace space, Goal goal, long seed, int maxTrials) {
        return switch (kind) {
            case RANDOM -> new RandomSearch(space, seed);
            case GRID -> new GridSearch(space);
            case TPE -> new TpeSearch(space, goal, seed, maxTrials);
        };
    }
}
