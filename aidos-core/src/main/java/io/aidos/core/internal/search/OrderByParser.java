package io.aidos.core.internal.search;

import io.aidos.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses order-by clauses: {@code <entity>.<key> [ASC|DESC]} or a bare attribute name such as
 * {@code start_time DESC}. Ascending unless DESC is given; keywords case-insensitive.
 */
final class OrderByParser {
    private static final String FIELD = "orderBy";

    private OrderByParser() {
    }

    static List<OrderClause> parse(List<String> clauses) {
        if (clauses == null) {
            throw new InvalidInputException(FIELD, null, "must not be null");
        }
        List<OrderClause> parsed = new ArrayList<>(clauses.size());
        for (String clause : clauses) {
            parsed.add(parse(clause));
        }
        return parsed;
    }

    static OrderClause parse(String clause) {
        if (clause == null || clause.isBlank()) {
            throw new InvalidInputException(FIELD, clause, "must not contain blank clauses");
        }
        FilterLexer lexer = new FilterLexer(FIELD, clause);
        Target target = TargetReader.read(lexer, true);
        boolean ascending = true;
        if (!lexer.atEnd()) {
            int at = lexer.position();
            String direction = lexer.readWord().toUpperCase(Locale.ROOT);
            if (!direction.equals("ASC") && !direction.equals("DESC")) {
                throw lexer.errorAt("ASC, DESC or the end of the clause", at);
            }
            ascending = direction.equals("ASC");
        }
        if (!lexer.atEnd()) {
            throw lexer.error("the end of the clause");
        }
        return new OrderClause(target, ascending);
    }
}
