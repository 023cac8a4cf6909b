package io.aidos.core.internal.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes order-by clauses as {@code LEFT JOIN}s (one per metric, param or tag, key bound) and the
 * {@code ORDER BY} terms, ending with the tie-breaker {@code start_time DESC, run_id ASC} so that paging is
 * stable.
 *
 * <p>Runs without the key (or without an end time) sort last in both directions. H2 and PostgreSQL disagree
 * on where NULLs go by default, so a {@code CASE WHEN x IS NULL THEN 1 ELSE 0 END} term goes first.
 */
final class OrderSql {
    private static final List<OrderClause> TIE_BREAKER = List.of(
            new OrderClause(Target.of(Attribute.START_TIME), false),
            new OrderClause(Target.of(Attribute.RUN_ID), true));

    private final StringBuilder joins = new StringBuilder();
    private final List<Object> joinParams = new ArrayList<>();
    private final List<String> terms = new ArrayList<>();

    OrderSql(List<OrderClause> clauses) {
        List<OrderClause> all = new ArrayList<>(clauses);
        for (OrderClause tie : TIE_BREAKER) {
            if (clauses.stream().noneMatch(c -> c.target().equals(tie.target()))) {
                all.add(tie);
            }
        }
        for (OrderClause clause : all) {
            add(clause);
        }
    }

    /** " LEFT JOIN ..." for each ordered metric, param or tag; "" if none. */
    String joins() {
        return joins.toString();
    }

    /** The values for the placeholders in {@link #joins()}, in order. */
    List<Object> joinParams() {
        return joinParams;
    }

    /** " ORDER BY ..." */
    String orderBy() {
        return " ORDER BY " + String.join(", ", terms);
    }

    private void add(OrderClause clause) {
        Target target = clause.target();
        String column;
        boolean nullable;
        if (target.entity() == Entity.ATTRIBUTE) {
            column = "r." + target.attribute().column();
            nullable = target.attribute().nullable();
        } else {
            Entity entity = target.entity();
            String alias = "o" + joinParams.size();
            joins.append(" LEFT JOIN ").append(entity.table()).append(' ').append(alias)
                    .append(" ON ").append(alias).append(".run_id = r.run_id AND ")
                    .append(alias).append('.').append(entity.keyColumn()).append(" = ?");
            joinParams.add(target.key());
            column = alias + "." + entity.valueColumn();
            nullable = true;
        }
        if (nullable) {
            terms.add("CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END");
        }
        terms.add(column + (clause.ascending() ? " ASC" : " DESC"));
    }
}
