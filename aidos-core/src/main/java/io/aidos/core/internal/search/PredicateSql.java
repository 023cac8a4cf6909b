package io.aidos.core.internal.search;

import java.util.List;

/**
 * Writes one {@link Clause} as a SQL predicate over {@code runs r}. Keys and values become {@code ?}
 * placeholders; table, column and operator names come from the whitelists in {@link Entity},
 * {@link Attribute} and {@link Comparator}.
 *
 * <p>Metrics, params and tags are correlated {@code EXISTS} subqueries, so {@code !=} and {@code NOT IN} match
 * only runs that have the key with another value, as in MLflow.
 */
final class PredicateSql {
    private PredicateSql() {
    }

    static void append(Clause clause, StringBuilder sql, List<Object> params) {
        Target target = clause.target();
        Entity entity = target.entity();
        if (entity == Entity.ATTRIBUTE) {
            sql.append("r.").append(target.attribute().column());
            appendComparison(clause, sql, params);
            return;
        }
        sql.append("EXISTS (SELECT 1 FROM ").append(entity.table()).append(" e WHERE e.run_id = r.run_id AND e.")
                .append(entity.keyColumn()).append(" = ? AND e.").append(entity.valueColumn());
        params.add(target.key());
        appendComparison(clause, sql, params);
        sql.append(')');
    }

    /** " > ?" or " IN (?, ?)". */
    private static void appendComparison(Clause clause, StringBuilder sql, List<Object> params) {
        sql.append(' ').append(clause.comparator().sql()).append(' ');
        if (!clause.comparator().takesList()) {
            sql.append('?');
            params.add(clause.values().get(0));
            return;
        }
        sql.append('(');
        for (int i = 0; i < clause.values().size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(clause.values().get(i));
        }
        sql.append(')');
    }
}
