package io.aidos.core.internal.search;

/**
 * The comparison operators of the filter language, each with the SQL it becomes. Numbers (metrics, times) take
 * the six ordering operators; strings (params, tags, string attributes) take equality, patterns and lists.
 */
enum Comparator {
    EQ("=", "=", true, true, false),
    NE("!=", "<>", true, true, false),
    LT("<", "<", true, false, false),
    LE("<=", "<=", true, false, false),
    GT(">", ">", true, false, false),
    GE(">=", ">=", true, false, false),
    /** Patterns use {@code %} and {@code _}; backslash escapes them (the default escape on H2 and PostgreSQL). */
    LIKE("LIKE", "LIKE", false, true, false),
    ILIKE("ILIKE", "ILIKE", false, true, false),
    IN("IN", "IN", false, true, true),
    NOT_IN("NOT IN", "NOT IN", false, true, true);

    static final String NUMERIC_ALLOWED = "=, !=, <, <=, > or >=";
    static final String STRING_ALLOWED = "=, !=, LIKE, ILIKE, IN or NOT IN";

    private final String text;
    private final String sql;
    private final boolean forNumbers;
    private final boolean forStrings;
    private final boolean takesList;

    Comparator(String text, String sql, boolean forNumbers, boolean forStrings, boolean takesList) {
        this.text = text;
        this.sql = sql;
        this.forNumbers = forNumbers;
        this.forStrings = forStrings;
        this.takesList = takesList;
    }

    /** The operator written as {@code symbol} ({@code =}, {@code <=}, ...), or null if there is none. */
    static Comparator bySymbol(String symbol) {
        for (Comparator comparator : values()) {
            if (comparator.forNumbers && comparator.text.equals(symbol)) {
                return comparator;
            }
        }
        return null;
    }

    /** As users write it. */
    String text() {
        return text;
    }

    String sql() {
        return sql;
    }

    boolean allows(boolean numeric) {
        return numeric ? forNumbers : forStrings;
    }

    boolean takesList() {
        return takesList;
    }

    /** True for the operators whose values must be exact status names (not patterns). */
    boolean isEquality() {
        return this == EQ || this == NE || this == IN || this == NOT_IN;
    }
}
