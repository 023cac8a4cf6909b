package io.aidos.core.internal.search;

import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.search.Field.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses MLflow's search syntax by hand: {@code metrics.acc > 0.9 and params.model = 'xgb'}, keys optionally in
 * backticks or double quotes, strings in single or double quotes (a quote doubled inside), clauses joined by AND.
 * Every error names what was expected and the position (from 0).
 */
final class FilterParser {
    static final Set<String> ATTRIBUTES = Set.of("status", "run_name", "run_id", "start_time", "end_time");
    private static final Set<String> STATUSES = Set.of("RUNNING", "FINISHED", "FAILED", "KILLED");
    private static final Map<String, Entity> PREFIXES = Map.of("metric", Entity.METRIC, "metrics", Entity.METRIC,
            "param", Entity.PARAM, "params", Entity.PARAM, "tag", Entity.TAG, "tags", Entity.TAG,
            "attribute", Entity.ATTRIBUTE, "attributes", Entity.ATTRIBUTE, "attr", Entity.ATTRIBUTE,
            "run", Entity.ATTRIBUTE);

    private final String text;
    private final String what;
    private int pos;

    private FilterParser(String text, String what) {
        this.text = text;
        this.what = what;
    }

    static List<Clause> filter(String filter) {
        FilterParser p = new FilterParser(filter, "filter");
        List<Clause> clauses = new ArrayList<>();
        if (p.atEnd()) {
            return clauses;
        }
        clauses.add(p.clause());
        while (!p.atEnd()) {
            String word = p.word();
            if (word.equalsIgnoreCase("or")) {
                throw p.error("OR is not supported; combine clauses with AND");
            }
            if (!word.equalsIgnoreCase("and")) {
                throw p.error("expected AND or the end of the filter");
            }
            clauses.add(p.clause());
        }
        return clauses;
    }

    static OrderBy orderBy(String clause) {
        FilterParser p = new FilterParser(clause, "orderBy");
        Field field = p.field(true);
        boolean descending = false;
        if (!p.atEnd()) {
            String direction = p.word();
            if (direction.equalsIgnoreCase("desc")) {
                descending = true;
            } else if (!direction.equalsIgnoreCase("asc")) {
                throw p.error("expected ASC or DESC");
            }
        }
        if (!p.atEnd()) {
            throw p.error("expected the end of the order-by clause");
        }
        return new OrderBy(field, descending);
    }

    private Clause clause() {
        Field field = field(false);
        String op = operator();
        List<Object> values = new ArrayList<>();
        if (op.endsWith("IN")) {
            expect('(');
            do {
                values.add(value(field));
            } while (consume(','));
            expect(')');
        } else {
            values.add(value(field));
        }
        check(field, op, values);
        return new Clause(field, op, values);
    }

    private Field field(boolean bareAttributes) {
        skipSpace();
        int start = pos;
        String prefix = word();
        if (bareAttributes && ATTRIBUTES.contains(prefix.toLowerCase(Locale.ROOT)) && (atEnd() || peek() != '.')) {
            return new Field(Entity.ATTRIBUTE, prefix.toLowerCase(Locale.ROOT));
        }
        Entity entity = PREFIXES.get(prefix.toLowerCase(Locale.ROOT));
        if (entity == null || atEnd() || peek() != '.') {
            pos = start;
            throw error("expected metrics.<key>, params.<key>, tags.<key> or attributes.<name>");
        }
        pos++;
        String key = key();
        if (entity == Entity.ATTRIBUTE) {
            key = key.toLowerCase(Locale.ROOT);
            if (!ATTRIBUTES.contains(key)) {
                throw error("unknown attribute '" + key + "'; allowed: " + ATTRIBUTES);
            }
        }
        return new Field(entity, key);
    }

    private String key() {
        if (more() && (peek() == '`' || peek() == '"')) {
            return quoted(peek());
        }
        int start = pos;
        while (more() && (Character.isLetterOrDigit(peek()) || "_-./:".indexOf(peek()) >= 0)) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a key");
        }
        return text.substring(start, pos);
    }

    private String operator() {
        skipSpace();
        for (String op : new String[] {"!=", "<>", "<=", ">=", "=", "<", ">"}) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                if (more() && "=<>!".indexOf(peek()) >= 0) {
                    throw error("expected a comparison operator");
                }
                return op.equals("<>") ? "!=" : op;
            }
        }
        int start = pos;
        String word = atEnd() || !Character.isLetter(peek()) ? "" : word().toUpperCase(Locale.ROOT);
        if (word.equals("NOT")) {
            if (word().equalsIgnoreCase("IN")) {
                return "NOT IN";
            }
        } else if (word.equals("LIKE") || word.equals("ILIKE") || word.equals("IN")) {
            return word;
        }
        pos = start;
        throw error("expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN)");
    }

    private Object value(Field field) {
        skipSpace();
        if (!atEnd() && (peek() == '\'' || peek() == '"')) {
            if (field.numeric()) {
                throw error("expected a number for " + describe(field) + ", not a string");
            }
            return quoted(peek());
        }
        int start = pos;
        while (more() && (Character.isLetterOrDigit(peek()) || "+-.".indexOf(peek()) >= 0)) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (!field.numeric()) {
            pos = start;
            throw error("expected a quoted string for " + describe(field));
        }
        try {
            return field.entity() == Entity.METRIC ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a number for " + describe(field));
        }
    }

    private void check(Field field, String op, List<Object> values) {
        boolean textOp = op.equals("LIKE") || op.equals("ILIKE") || op.endsWith("IN");
        boolean ordering = op.startsWith("<") || op.startsWith(">");
        if (field.numeric() && textOp || !field.numeric() && ordering) {
            throw error("operator " + op + " does not apply to " + describe(field));
        }
        if (field.entity() == Entity.ATTRIBUTE && field.key().equals("status")) {
            for (int i = 0; i < values.size(); i++) {
                String status = values.get(i).toString().toUpperCase(Locale.ROOT);
                if (!op.contains("LIKE") && !STATUSES.contains(status)) {
                    throw error("status must be one of " + STATUSES + " but was '" + values.get(i) + "'");
                }
                values.set(i, op.contains("LIKE") ? values.get(i) : status);
            }
        }
    }

    private String quoted(char quote) {
        int opened = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!more()) {
                pos = opened;
                throw error("unterminated " + (quote == '`' ? "key" : "string") + " starting");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (more() && peek() == quote) {
                    sb.append(quote);
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            sb.append(c);
        }
    }

    private String word() {
        skipSpace();
        int start = pos;
        while (more() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a word");
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private boolean consume(char c) {
        skipSpace();
        if (!atEnd() && peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean atEnd() {
        skipSpace();
        return pos >= text.length();
    }

    /** Whether characters remain, without skipping any (inside a token, spaces count). */
    private boolean more() {
        return pos < text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static String describe(Field f) {
        return f.entity().name().toLowerCase(Locale.ROOT) + " '" + f.key() + "'";
    }

    private InvalidInputException error(String expected) {
        return new InvalidInputException(what, text, expected + " at position " + pos);
    }
}
