package io.aidos.api;

import java.util.List;

/**
 * A search over runs, in the style of MLflow's {@code search_runs}: experiment names, a filter such as
 * {@code metrics.accuracy > 0.9 and params.model = 'xgb' and tags.team != 'x' and attributes.status = 'FINISHED'},
 * order-by clauses such as {@code metrics.accuracy DESC} and a limit. Immutable.
 */
public final class RunQuery {
    /** Most runs one search returns. */
    public static final int MAX_LIMIT = 50_000;

    private final List<String> experimentNames;
    private final String filter;
    private final List<String> orderBy;
    private final int limit;

    private RunQuery(List<String> experimentNames, String filter, List<String> orderBy, int limit) {
        this.experimentNames = experimentNames;
        this.filter = filter;
        this.orderBy = orderBy;
        this.limit = limit;
    }

    /** Runs of these experiments (at least one). */
    public static RunQuery in(String... experimentNames) {
        if (experimentNames == null || experimentNames.length == 0) {
            throw new InvalidInputException("experimentNames", null, "must name at least one experiment");
        }
        for (String name : experimentNames) {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("experimentNames", name, "must not contain blank names");
            }
        }
        return new RunQuery(List.of(experimentNames), "", List.of(), 1000);
    }

    /** The filter expression; blank means all runs. */
    public RunQuery where(String filter) {
        if (filter == null) {
            throw new InvalidInputException("filter", null, "must not be null (use \"\" for all runs)");
        }
        if (filter.length() > 10_000) {
            throw new InvalidInputException("filter", filter, "must be at most 10000 characters");
        }
        return new RunQuery(experimentNames, filter, orderBy, limit);
    }

    /** Order-by clauses, e.g. {@code "metrics.accuracy DESC"}, {@code "attributes.start_time"}. */
    public RunQuery orderBy(String... clauses) {
        if (clauses == null) {
            throw new InvalidInputException("orderBy", null, "must not be null");
        }
        for (String clause : clauses) {
            if (clause == null || clause.isBlank()) {
                throw new InvalidInputException("orderBy", clause, "must not contain blank clauses");
            }
        }
        return new RunQuery(experimentNames, filter, List.of(clauses), limit);
    }

    public RunQuery limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
        return new RunQuery(experimentNames, filter, orderBy, limit);
    }

    public List<String> experimentNames() {
        return experimentNames;
    }

    public String filter() {
        return filter;
    }

    public List<String> orderBy() {
        return orderBy;
    }

    public int limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "RunQuery{in=" + experimentNames + ", where='" + filter + "', orderBy=" + orderBy + ", limit=" + limit + "}";
    }
}
