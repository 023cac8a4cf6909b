package io.aidos.core.internal.search;

import io.aidos.api.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters for searches over one table and, optionally, its tags: experiments ({@code name LIKE 'a%' AND
 * tags.team = 'x'}), registered models and model versions. Grammar, keywords case-insensitive:
 *
 * <pre>
 * filter := "" | clause ("AND" clause)*
 * clause := ["attribute" | "attributes" | "attr" "."] field comparator value
 *         | ("tags" | "tag") "." key comparator string
 * </pre>
 *
 * Numeric fields take numbers and {@code = != < <= > >=}; the others and tags take quoted strings and
 * {@code = != LIKE ILIKE IN NOT IN}. Field names come from the caller's whitelist; every value is bound.
 */
public final class FieldFilter {
    private static final List<String> ATTRIBUTE_PREFIXES = List.of("attribute", "attributes", "attr");
    private static final List<String> TAG_PREFIXES = List.of("tags", "tag");

    /** A searchable column, as SQL text (e.g. {@code e.name}). */
    public record Field(String column, boolean numeric) {
    }

    private final FilterLexer lexer;
    private final Map<String, Field> fields;
    private final String tagExists;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private FieldFilter(String fieldName, String filter, Map<String, Field> fields, String tagExists) {
        this.lexer = new FilterLexer(fieldName, filter);
        this.fields = fields;
        this.tagExists = tagExists;
    }

    /**
     * " AND ..." for each clause of {@code filter} ("" when blank).
     *
     * @param fields    lower-case field name to column
     * @param tagExists SQL opening a tag subquery up to the value column, with one {@code ?} for the key, e.g.
     *                  {@code EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.id AND t.tag_key = ?
     *                  AND t.tag_value}; null when the table has no tags
     */
    public static SqlQuery where(String fieldName, String filter, Map<String, Field> fields, String tagExists) {
        FieldFilter parser = new FieldFilter(fieldName, filter == null ? "" : filter, fields, tagExists);
        parser.clauses();
        return new SqlQuery(parser.sql.toString(), parser.params);
    }

    private void clauses() {
        if (lexer.atEnd()) {
            return;
        }
        clause();
        while (!lexer.atEnd()) {
            int at = lexer.position();
            String word = lexer.readWord();
            if (word.equalsIgnoreCase("or")) {
                throw new InvalidInputException("filter", lexer.text(), "uses OR at position " + at
                        + "; OR is not supported; combine clauses with AND");
            }
            if (!word.equalsIgnoreCase("and")) {
                throw lexer.errorAt("AND or the end of the filter", at);
            }
            clause();
        }
    }

    private void clause() {
        int start = lexer.position();
        String word = lexer.readWord();
        String prefix = word.toLowerCase(Locale.ROOT);
        if (lexer.peek() == '.' && TAG_PREFIXES.contains(prefix) && tagExists != null) {
            lexer.expect('.', "'.'");
            params.add(lexer.readKey());
            sql.append(" AND ").append(tagExists);
            comparison(false, "a tag");
            sql.append(')');
            return;
        }
        if (lexer.peek() == '.' && ATTRIBUTE_PREFIXES.contains(prefix)) {
            lexer.expect('.', "'.'");
            start = lexer.position();
            word = lexer.readWord();
        }
        Field field = fields.get(word.toLowerCase(Locale.ROOT));
        if (field == null) {
            throw lexer.errorAt("a field (" + String.join(", ", fields.keySet())
                    + (tagExists == null ? "" : " or tags.<key>") + ")", start);
        }
        sql.append(" AND ").append(field.column());
        comparison(field.numeric(), word);
    }

    private void comparison(boolean numeric, String what) {
        int at = lexer.position();
        String symbol = lexer.readOperatorSymbol();
        Comparator comparator = symbol.isEmpty() ? word() : Comparator.bySymbol(symbol);
        if (comparator == null || !comparator.allows(numeric)) {
            throw lexer.errorAt("an operator for " + what + " (" + (numeric ? Comparator.NUMERIC_ALLOWED
                    : Comparator.STRING_ALLOWED) + ")", at);
        }
        sql.append(' ').append(comparator.sql()).append(' ');
        if (numeric) {
            BigDecimal number = lexer.readNumber("a number for " + what);
            try {
                params.add(number.longValueExact());
            } catch (ArithmeticException notWhole) {
                throw lexer.errorAt("a whole number for " + what, at);
            }
            sql.append('?');
        } else if (!comparator.takesList()) {
            params.add(lexer.readString("a quoted string for " + what));
            sql.append('?');
        } else {
            lexer.expect('(', "'(' to start the " + comparator.text() + " list");
            sql.append('(');
            do {
                params.add(lexer.readString("a quoted string for " + what));
                sql.append(sql.charAt(sql.length() - 1) == '(' ? "?" : ", ?");
            } while (lexer.tryConsume(','));
            lexer.expect(')', "',' or ')' to end the " + comparator.text() + " list");
            sql.append(')');
        }
    }

    private Comparator word() {
        String word = lexer.readWord().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "LIKE" -> Comparator.LIKE;
            case "ILIKE" -> Comparator.ILIKE;
            case "IN" -> Comparator.IN;
            case "NOT" -> lexer.readWord().equalsIgnoreCase("IN") ? Comparator.NOT_IN : null;
            default -> null;
        };
    }

    /**
     * " ORDER BY ..." for clauses such as {@code name DESC} or {@code attributes.creation_time}, then
     * {@code tieBreak} (SQL text, e.g. {@code e.id ASC}).
     */
    public static String orderBy(String fieldName, List<String> clauses, Map<String, Field> fields, String tieBreak) {
        List<String> terms = new ArrayList<>();
        for (String clause : clauses == null ? List.<String>of() : clauses) {
            FilterLexer lexer = new FilterLexer(fieldName, clause == null ? "" : clause);
            int start = lexer.position();
            String word = lexer.readWord();
            if (lexer.peek() == '.' && ATTRIBUTE_PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
                lexer.expect('.', "'.'");
                start = lexer.position();
                word = lexer.readWord();
            }
            Field field = fields.get(word.toLowerCase(Locale.ROOT));
            if (field == null) {
                throw lexer.errorAt("a field to order by (" + String.join(", ", fields.keySet()) + ")", start);
            }
            String direction = lexer.atEnd() ? "ASC" : lexer.readWord().toUpperCase(Locale.ROOT);
            if (!direction.equals("ASC") && !direction.equals("DESC") || !lexer.atEnd()) {
                throw lexer.error("ASC, DESC or the end of the clause");
            }
            terms.add(field.column() + " " + direction);
        }
        terms.add(tieBreak);
        return " ORDER BY " + String.join(", ", terms);
    }
}
