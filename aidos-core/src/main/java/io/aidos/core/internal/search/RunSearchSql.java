package io.aidos.core.internal.search;

import io.aidos.api.InvalidInputException;
import io.aidos.api.RunQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a run search (experiment ids, filter, order-by, limit) into one SELECT over the store that runs
 * unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. See the package documentation for the safety rule.
 */
public final class RunSearchSql {
    private RunSearchSql() {
    }

    /**
     * {@code SELECT r.run_id FROM runs r ...} for the given experiments (ids), filter, order-by and limit;
     * only runs with {@code lifecycle_stage = 'active'}.
     *
     * @throws InvalidInputException for a malformed filter ("filter") or order-by ("orderBy"), no experiment
     *                               ids or a limit outside 1..{@link RunQuery#MAX_LIMIT}
     */
    public static SqlQuery build(List<Long> experimentIds, String filter, List<String> orderBy, int limit) {
        return build(experimentIds, filter, orderBy, limit, 0, List.of("active"));
    }

    /**
     * As {@link #build(List, String, List, int)}, skipping the first {@code offset} matches (for paging), over runs
     * in any of {@code lifecycleStages} ({@code active}, {@code deleted}).
     */
    public static SqlQuery build(List<Long> experimentIds, String filter, List<String> orderBy, int limit, long offset,
                                 List<String> lifecycleStages) {
        if (offset < 0) {
            throw new InvalidInputException("offset", offset, "must be >= 0");
        }
        if (lifecycleStages == null || lifecycleStages.isEmpty()) {
            throw new InvalidInputException("lifecycleStages", lifecycleStages, "must name at least one stage");
        }
        if (experimentIds == null || experimentIds.isEmpty() || experimentIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("experimentIds", experimentIds, "must hold at least one id and no null");
        }
        if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit", limit, "must be between 1 and " + RunQuery.MAX_LIMIT);
        }
        List<Clause> clauses = FilterParser.parse(filter);
        OrderSql order = new OrderSql(OrderByParser.parse(orderBy));

        List<Object> params = new ArrayList<>(order.joinParams());
        StringBuilder sql = new StringBuilder("SELECT r.run_id FROM runs r").append(order.joins());
        sql.append(" WHERE r.experiment_id IN (");
        for (int i = 0; i < experimentIds.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(experimentIds.get(i));
        }
        if (lifecycleStages.equals(List.of("active"))) {
            sql.append(") AND r.lifecycle_stage = 'active'");
        } else {
            sql.append(") AND r.lifecycle_stage IN (");
            for (int i = 0; i < lifecycleStages.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                params.add(lifecycleStages.get(i));
            }
            sql.append(')');
        }
        for (Clause clause : clauses) {
            sql.append(" AND ");
            PredicateSql.append(clause, sql, params);
        }
        sql.append(order.orderBy()).append(" LIMIT ?");
        params.add(limit);
        if (offset > 0) {
            sql.append(" OFFSET ?");
            params.add(offset);
        }
        return new SqlQuery(sql.toString(), params);
    }
}
