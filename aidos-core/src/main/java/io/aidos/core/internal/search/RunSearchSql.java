package io.aidos.core.internal.search;

import io.aidos.core.internal.search.Field.Entity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Translates a parsed search into one SELECT over {@code runs}. Only whitelisted table names, column names and
 * operators are written into the SQL text; every key and value the user gave is a bound parameter.
 */
public final class RunSearchSql {
    private static final Map<Entity, String[]> TABLES = Map.of(
            Entity.METRIC, new String[] {"latest_metrics", "metric_key", "metric_value"},
            Entity.PARAM, new String[] {"params", "param_key", "param_value"},
            Entity.TAG, new String[] {"run_tags", "tag_key", "tag_value"});
    private static final Map<String, String> ATTRIBUTE_COLUMNS = Map.of("status", "r.status", "run_name", "r.run_name",
            "run_id", "r.run_id", "start_time", "r.start_time", "end_time", "r.end_time");
    private static final Map<String, String> OPERATORS = Map.of("=", "=", "!=", "<>", "<", "<", "<=", "<=",
            ">", ">", ">=", ">=", "LIKE", "LIKE", "IN", "IN", "NOT IN", "NOT IN");

    private RunSearchSql() {
    }

    /** A query and its parameters, in order. */
    public record SqlQuery(String sql, List<Object> params) {
    }

    /** Run ids of active runs in {@code experimentIds} matching {@code filter}, ordered, at most {@code limit}. */
    public static SqlQuery build(List<Long> experimentIds, String filter, List<String> orderBy, int limit) {
        List<Clause> clauses = FilterParser.filter(filter);
        List<OrderBy> orders = orderBy.stream().map(FilterParser::orderBy).toList();
        StringBuilder sql = new StringBuilder("SELECT r.run_id FROM runs r");
        List<Object> params = new ArrayList<>();
        List<String> orderSql = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderBy o = orders.get(i);
            String direction = o.descending() ? " DESC" : " ASC";
            if (o.field().entity() == Entity.ATTRIBUTE) {
                orderSql.add(ATTRIBUTE_COLUMNS.get(o.field().key()) + direction);
                continue;
            }
            String[] t = TABLES.get(o.field().entity());
            String alias = "o" + i;
            sql.append(" LEFT JOIN ").append(t[0]).append(' ').append(alias).append(" ON ").append(alias)
                    .append(".run_id = r.run_id AND ").append(alias).append('.').append(t[1]).append(" = ?");
            params.add(o.field().key());
            // Runs without the key sort last in both directions, on H2 and PostgreSQL alike.
            orderSql.add("CASE WHEN " + alias + "." + t[2] + " IS NULL THEN 1 ELSE 0 END");
            orderSql.add(alias + "." + t[2] + direction);
        }
        sql.append(" WHERE r.lifecycle_stage = 'active' AND r.experiment_id IN (")
                .append(String.join(", ", Collections.nCopies(experimentIds.size(), "?"))).append(')');
        params.addAll(experimentIds);
        for (Clause c : clauses) {
            sql.append(" AND ");
            predicate(c, sql, params);
        }
        orderSql.add("r.start_time DESC");
        orderSql.add("r.run_id ASC");
        sql.append(" ORDER BY ").append(String.join(", ", orderSql)).append(" LIMIT ?");
        params.add(limit);
        return new SqlQuery(sql.toString(), params);
    }

    private static void predicate(Clause c, StringBuilder sql, List<Object> params) {
        String column;
        if (c.field().entity() == Entity.ATTRIBUTE) {
            column = ATTRIBUTE_COLUMNS.get(c.field().key());
        } else {
            String[] t = TABLES.get(c.field().entity());
            sql.append("EXISTS (SELECT 1 FROM ").append(t[0]).append(" x WHERE x.run_id = r.run_id AND x.")
                    .append(t[1]).append(" = ? AND ");
            params.add(c.field().key());
            column = "x." + t[2];
        }
        if (c.operator().equals("ILIKE")) {
            sql.append("LOWER(").append(column).append(") LIKE LOWER(?)");
            params.add(c.values().get(0));
        } else if (c.operator().endsWith("IN")) {
            sql.append(column).append(' ').append(OPERATORS.get(c.operator())).append(" (")
                    .append(String.join(", ", Collections.nCopies(c.values().size(), "?"))).append(')');
            params.addAll(c.values());
        } else {
            sql.append(column).append(' ').append(OPERATORS.get(c.operator())).append(" ?");
            params.add(c.values().get(0));
        }
        if (c.field().entity() != Entity.ATTRIBUTE) {
            sql.append(')');
        }
    }
}
