package io.aidos.core.internal.search;

import io.aidos.api.InvalidInputException;
import io.aidos.api.RunStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses and type-checks a filter such as {@code metrics.accuracy > 0.9 and params.model = 'xgb'} into
 * {@link Clause}s. Grammar, keywords case-insensitive:
 *
 * <pre>
 * filter     := "" | clause ("AND" clause)*
 * clause     := entity "." key comparator value
 * comparator := "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "LIKE" | "ILIKE" | "IN" | "NOT IN"
 * value      := number | string | "(" string ("," string)* ")"
 * </pre>
 *
 * OR is rejected, as in MLflow. All type checks happen here so that translation to SQL cannot fail.
 */
final class FilterParser {
    private static final String FIELD = "filter";
    private static final String STATUSES = Arrays.toString(RunStatus.values());

    private final FilterLexer lexer;

    private FilterParser(String filter) {
        this.lexer = new FilterLexer(FIELD, filter);
    }

    /** The clauses of {@code filter}; none for a blank filter. */
    static List<Clause> parse(String filter) {
        if (filter == null) {
            throw new InvalidInputException(FIELD, null, "must not be null (use \"\" for all runs)");
        }
        return new FilterParser(filter).clauses();
    }

    private List<Clause> clauses() {
        List<Clause> clauses = new ArrayList<>();
        if (lexer.atEnd()) {
            return clauses;
        }
        clauses.add(clause());
        while (!lexer.atEnd()) {
            int at = lexer.position();
            String word = lexer.readWord();
            if (word.equalsIgnoreCase("or")) {
                throw new InvalidInputException(FIELD, lexer.text(), "uses OR at position " + at
                        + "; OR is not supported; combine clauses with AND");
            }
            if (!word.equalsIgnoreCase("and")) {
                throw lexer.errorAt("AND or the end of the filter", at);
            }
            clauses.add(clause());
        }
        return clauses;
    }

    private Clause clause() {
        Target target = TargetReader.read(lexer, false);
        Comparator comparator = comparator(target);
        List<Object> values = target.numeric() ? List.of(number(target)) : strings(target, comparator);
        return new Clause(target, comparator, values);
    }

    private Comparator comparator(Target target) {
        int at = lexer.position();
        Comparator comparator;
        String symbol = lexer.readOperatorSymbol();
        if (!symbol.isEmpty()) {
            comparator = Comparator.bySymbol(symbol);
        } else {
            String word = lexer.readWord().toUpperCase(Locale.ROOT);
            comparator = switch (word) {
                case "LIKE" -> Comparator.LIKE;
                case "ILIKE" -> Comparator.ILIKE;
                case "IN" -> Comparator.IN;
                case "NOT" -> lexer.readWord().equalsIgnoreCase("IN") ? Comparator.NOT_IN : null;
                default -> null;
            };
        }
        if (comparator == null || !comparator.allows(target.numeric())) {
            String allowed = target.numeric() ? Comparator.NUMERIC_ALLOWED : Comparator.STRING_ALLOWED;
            String kind = comparator == null ? "a comparison operator" : "an operator for " + target;
            throw lexer.errorAt(kind + " (" + allowed + ")", at);
        }
        return comparator;
    }

    /** Metrics bind as Double, times (epoch millis) as Long. */
    private Object number(Target target) {
        int at = lexer.position();
        if (lexer.peek() == '\'' || lexer.peek() == '"' || lexer.peek() == '(') {
            throw lexer.error("a number for " + target + " (numbers are not quoted)");
        }
        BigDecimal number = lexer.readNumber("a number for " + target);
        if (target.entity() == Entity.METRIC) {
            double value = number.doubleValue();
            if (Double.isInfinite(value)) {
                throw lexer.errorAt("a number within the range of a double", at);
            }
            return value;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException notWhole) {
            throw lexer.errorAt("a whole number of epoch milliseconds for " + target, at);
        }
    }

    private List<Object> strings(Target target, Comparator comparator) {
        String expected = "a quoted string for " + target + " (strings are quoted with ' or \")";
        List<Object> values = new ArrayList<>();
        if (!comparator.takesList()) {
            values.add(string(target, comparator, expected));
            return values;
        }
        lexer.expect('(', "'(' to start the " + comparator.text() + " list");
        if (lexer.peek() == ')') {
            throw lexer.error("at least one value in the " + comparator.text() + " list");
        }
        do {
            values.add(string(target, comparator, expected));
        } while (lexer.tryConsume(','));
        lexer.expect(')', "',' or ')' to end the " + comparator.text() + " list");
        return values;
    }

    /** Status names are checked and upper-cased, so {@code 'finished'} matches the stored {@code FINISHED}. */
    private String string(Target target, Comparator comparator, String expected) {
        int at = lexer.position();
        String value = lexer.readString(expected);
        if (target.attribute() != Attribute.STATUS) {
            return value;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (comparator.isEquality() && Arrays.stream(RunStatus.values()).noneMatch(s -> s.name().equals(upper))) {
            throw lexer.errorAt("a run status, one of " + STATUSES, at);
        }
        return upper;
    }
}
