package io.aidos.training.internal.tuning;

import io.aidos.api.Goal;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchSpace.Dimension;
import io.aidos.api.SearchSpace.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The tree-structured Parzen estimator of Bergstra et al. (2011), for independent dimensions. The first
 * max({@value #MIN_STARTUP}, 10% of the budget) trials are random. After that the finished trials are split into
 * the best {@value #GAMMA} ("good") and the rest ("bad"); each dimension gets a Parzen density l(x) over the good
 * and g(x) over the bad trials (see {@link ParzenEstimator}), and of {@value #CANDIDATES} candidates drawn from l
 * the one with the highest l(x)/g(x) is tried. Trials still running or failed are left out of the model.
 */
final class TpeSearch implements Strategy {
    static final int MIN_STARTUP = 5;
    static final double GAMMA = 0.25;
    static final int CANDIDATES = 24;

    private final SearchSpace space;
    private final Goal goal;
    private final long seed;
    private final int startup;

    TpeSearch(SearchSpace space, Goal goal, long seed, int maxTrials) {
        this.space = space;
        this.goal = goal;
        this.seed = seed;
        this.startup = Math.max(MIN_STARTUP, (int) Math.ceil(maxTrials * 0.1));
    }

    @Override
    public Optional<Map<String, Object>> next(List<Observation> history) {
        SplittableRandom rng = Dimensions.forTrial(seed, history.size() + 1);
        List<Observation> done = new ArrayList<>(history.stream().filter(Observation::hasValue).toList());
        if (history.size() < startup || done.size() < 2) {
            return Optional.of(RandomSearch.sample(space, rng));
        }
        Comparator<Observation> bestFirst = Comparator.comparingDouble(Observation::value);
        done.sort(goal == Goal.MAXIMIZE ? bestFirst.reversed() : bestFirst);
        int goodCount = Math.max(1, (int) Math.ceil(GAMMA * done.size()));
        List<Observation> good = done.subList(0, goodCount);
        List<Observation> bad = done.subList(goodCount, done.size());

        List<ParzenEstimator> l = new ArrayList<>();
        List<ParzenEstimator> g = new ArrayList<>();
        for (Dimension d : space.dimensions()) {
            l.add(ParzenEstimator.fit(d, coordinates(d, good)));
            g.add(ParzenEstimator.fit(d, coordinates(d, bad)));
        }
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double[] x = new double[l.size()];
            double score = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = l.get(i).sample(rng);
                score += l.get(i).logDensity(x[i]) - g.get(i).logDensity(x[i]);
            }
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < best.length; i++) {
            Dimension d = space.dimensions().get(i);
            params.put(d.name(), Dimensions.value(d, best[i]));
        }
        return Optional.of(params);
    }

    private static double[] coordinates(Dimension d, List<Observation> trials) {
        return trials.stream().mapToDouble(t -> Dimensions.coordinate(d, t.params().get(d.name())))
                .filter(c -> d.kind() != Kind.CHOICE || c >= 0).toArray();
    }
}
