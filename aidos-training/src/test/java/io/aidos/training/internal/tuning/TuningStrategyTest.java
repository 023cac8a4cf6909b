package io.aidos.training.internal.tuning;

import io.aidos.api.Goal;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The strategies on their own: no store, no training; TPE against random search on a cheap function. */
class TuningStrategyTest {

    private static final SearchSpace MIXED = SearchSpace.builder().intRange("depth", 2, 8).range("frac", 0.1, 0.9)
            .logRange("eta", 0.001, 0.1).choice("booster", "gbtree", "dart").build();

    @Test
    void gridEnumeratesEveryCombinationExactlyOnceThenEnds() {
        Strategy grid = Strategy.of(SearchStrategy.GRID, MIXED, Goal.MAXIMIZE, 1, 10_000);
        List<Map<String, Object>> seen = drain(grid, 10_000);
        assertThat(seen).hasSize(7 * 5 * 5 * 2).doesNotHaveDuplicates();
        assertThat(seen).extracting(p -> p.get("depth")).containsOnly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(new HashSet<>(seen.stream().map(p -> (Double) p.get("eta")).toList()))
                .hasSize(5).anySatisfy(v -> assertThat(v).isCloseTo(0.001, org.assertj.core.api.Assertions.within(1e-12)))
                .anySatisfy(v -> assertThat(v).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-12)))
                .anySatisfy(v -> assertThat(v).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12)));
        assertThat(new HashSet<>(seen.stream().map(p -> p.get("frac")).toList()))
                .hasSize(5).contains(0.1, 0.9);
        assertThat(seen).extracting(p -> p.get("booster")).containsOnly("gbtree", "dart");
    }

    @Test
    void gridCutsLongIntRangesToFiveEvenlySpacedValues() {
        assertThat(GridSearch.axis(SearchSpace.builder().intRange("n", 10, 110).build().dimensions().get(0)))
                .containsExactly(10L, 35L, 60L, 85L, 110L);
        assertThat(GridSearch.axis(SearchSpace.builder().intRange("n", 1, 10).build().dimensions().get(0)))
                .hasSize(10);
        Strategy grid = Strategy.of(SearchStrategy.GRID, SearchSpace.builder().choice("c", 1, 2, 3).build(),
                Goal.MAXIMIZE, 1, 2);
        assertThat(drain(grid, 100)).hasSize(3);
    }

    @Test
    void randomStaysInRangeAndIsReproducibleFromItsSeed() {
        Strategy a = Strategy.of(SearchStrategy.RANDOM, MIXED, Goal.MAXIMIZE, 7, 200);
        List<Map<String, Object>> first = drain(a, 200);
        for (Map<String, Object> p : first) {
            assertThat((Long) p.get("depth")).isBetween(2L, 8L);
            assertThat((Double) p.get("frac")).isBetween(0.1, 0.9);
            assertThat((Double) p.get("eta")).isBetween(0.001, 0.1);
            assertThat(p.get("booster")).isIn("gbtree", "dart");
        }
        assertThat(first).extracting(p -> p.get("depth")).contains(2L, 8L);
        assertThat(first.stream().filter(p -> (Double) p.get("eta") < 0.01).count()).isBetween(70L, 130L);
        assertThat(drain(Strategy.of(SearchStrategy.RANDOM, MIXED, Goal.MAXIMIZE, 7, 200), 200)).isEqualTo(first);
        assertThat(drain(Strategy.of(SearchStrategy.RANDOM, MIXED, Goal.MAXIMIZE, 8, 200), 200)).isNotEqualTo(first);
    }

    @Test
    void tpeProposesInRangeAndRepeatsItselfForTheSameHistory() {
        ToDoubleFunction<Map<String, Object>> f = p -> ((Long) p.get("depth")) + (Double) p.get("frac");
        List<Observation> h1 = run(Strategy.of(SearchStrategy.TPE, MIXED, Goal.MAXIMIZE, 3, 40), f, Goal.MAXIMIZE, 40);
        List<Observation> h2 = run(Strategy.of(SearchStrategy.TPE, MIXED, Goal.MAXIMIZE, 3, 40), f, Goal.MAXIMIZE, 40);
        assertThat(h1).isEqualTo(h2);
        for (Observation o : h1) {
            assertThat((Long) o.params().get("depth")).isBetween(2L, 8L);
            assertThat((Double) o.params().get("eta")).isBetween(0.001, 0.1);
        }
    }

    @Test
    void tpeBeatsRandomSearchOnAQuadraticOverManySeeds() {
        SearchSpace space = SearchSpace.builder().range("x", -5, 5).range("y", -5, 5).build();
        ToDoubleFunction<Map<String, Object>> f = p -> Math.pow((Double) p.get("x") - 1.3, 2)
                + Math.pow((Double) p.get("y") + 2.1, 2);
        double tpe = 0;
        double random = 0;
        int seeds = 40;
        for (long seed = 1; seed <= seeds; seed++) {
            tpe += best(run(Strategy.of(SearchStrategy.TPE, space, Goal.MINIMIZE, seed, 30), f, Goal.MINIMIZE, 30));
            random += best(run(Strategy.of(SearchStrategy.RANDOM, space, Goal.MINIMIZE, seed, 30), f, Goal.MINIMIZE,
                    30));
        }
        tpe /= seeds;
        random /= seeds;
        assertThat(tpe).as("mean best after 30 trials: TPE %s, random %s", tpe, random).isLessThan(random * 0.6);
    }

    private static double best(List<Observation> history) {
        return history.stream().mapToDouble(Observation::value).min().orElseThrow();
    }

    static List<Observation> run(Strategy s, ToDoubleFunction<Map<String, Object>> f, Goal goal, int trials) {
        List<Observation> history = new ArrayList<>();
        for (int i = 1; i <= trials; i++) {
            Map<String, Object> p = s.next(history).orElseThrow();
            history.add(new Observation(i, p, f.applyAsDouble(p)));
        }
        return history;
    }

    private static List<Map<String, Object>> drain(Strategy s, int max) {
        List<Observation> history = new ArrayList<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            Optional<Map<String, Object>> p = s.next(history);
            if (p.isEmpty()) {
                break;
            }
            out.add(p.get());
            history.add(new Observation(i, p.get(), Double.NaN));
        }
        return out;
    }
}
