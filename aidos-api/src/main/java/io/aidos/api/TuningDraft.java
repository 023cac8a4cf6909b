package io.aidos.api;

import io.aidos.spi.Arguments;

import java.util.Map;

/**
 * A hyperparameter search being described: {@code aidos.trainer().tune().dataset("iris")...submit()}. The training
 * setters mean what they mean on {@link TrainingDraft}; {@code registerAs} registers the best trial's model.
 */
public final class TuningDraft {
    private final Trainer trainer;
    private final TrainingDraft base;
    private SearchSpace space;
    private String objective;
    private Goal goal;
    private int maxTrials = 20;
    private int parallelism = 1;
    private SearchStrategy strategy = SearchStrategy.TPE;
    private EarlyStopping earlyStopping = EarlyStopping.NONE;

    public TuningDraft(Trainer trainer) {
        this.trainer = Arguments.notNull("trainer", trainer);
        this.base = new TrainingDraft(trainer);
    }

    public TuningDraft dataset(String name) {
        base.dataset(name);
        return this;
    }

    public TuningDraft dataset(DatasetVersion version) {
        base.dataset(version);
        return this;
    }

    public TuningDraft target(String column) {
        base.target(column);
        return this;
    }

    public TuningDraft task(Task task) {
        base.task(task);
        return this;
    }

    public TuningDraft algorithm(String name) {
        base.algorithm(name);
        return this;
    }

    /** A parameter every trial uses unchanged. */
    public TuningDraft param(String name, Object value) {
        base.param(name, value);
        return this;
    }

    public TuningDraft params(Map<String, ?> values) {
        base.params(values);
        return this;
    }

    public TuningDraft validationSplit(double fraction) {
        base.validationSplit(fraction);
        return this;
    }

    public TuningDraft seed(long seed) {
        base.seed(seed);
        return this;
    }

    public TuningDraft experiment(String name) {
        base.experiment(name);
        return this;
    }

    public TuningDraft runName(String name) {
        base.runName(name);
        return this;
    }

    /** Registers the best trial's model as the next version of {@code modelName}. */
    public TuningDraft registerAs(String modelName) {
        base.registerAs(modelName);
        return this;
    }

    public TuningDraft space(SearchSpace space) {
        this.space = Arguments.notNull("space", space);
        return this;
    }

    /** The metric to optimise, as logged by training (e.g. {@code accuracy}, {@code rmse}), and its direction. */
    public TuningDraft objective(String metric, Goal goal) {
        this.objective = Arguments.key("objective", metric);
        this.goal = Arguments.notNull("goal", goal);
        return this;
    }

    /** How many trials to run at most, 1 to 10,000; default 20. Grid search stops early when the grid is done. */
    public TuningDraft maxTrials(int trials) {
        if (trials < 1 || trials > 10_000) {
            throw new InvalidInputException("maxTrials", trials, "must be between 1 and 10000");
        }
        this.maxTrials = trials;
        return this;
    }

    /** How many trials may run at once, across all workers, 1 to 256; default 1. */
    public TuningDraft parallelism(int trials) {
        if (trials < 1 || trials > 256) {
            throw new InvalidInputException("parallelism", trials, "must be between 1 and 256");
        }
        this.parallelism = trials;
        return this;
    }

    /** Default {@link SearchStrategy#TPE}. */
    public TuningDraft strategy(SearchStrategy strategy) {
        this.strategy = Arguments.notNull("strategy", strategy);
        return this;
    }

    /** Default {@link EarlyStopping#NONE}. */
    public TuningDraft earlyStopping(EarlyStopping rule) {
        this.earlyStopping = Arguments.notNull("earlyStopping", rule);
        return this;
    }

    public TuningSpec toSpec() {
        TrainingSpec spec = base.toSpec();
        if (space == null) {
            throw new InvalidInputException("space", null, "is required");
        }
        if (objective == null) {
            throw new InvalidInputException("objective", null, "is required");
        }
        for (SearchSpace.Dimension d : space.dimensions()) {
            if (spec.params().containsKey(d.name())) {
                throw new InvalidInputException("param " + d.name(), spec.params().get(d.name()),
                        "is both fixed and searched");
            }
        }
        return new TuningSpec(spec, space, objective, goal, maxTrials, parallelism, strategy, earlyStopping);
    }

    public TuningJob submit() {
        return trainer.submit(toSpec());
    }
}
