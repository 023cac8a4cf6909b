package io.aidos.core.internal.dataset;

/**
 * Parses the commonest numeric cell, a plain integer of at most 18 digits, without {@link Long#parseLong}'s
 * radix and overflow handling: 18 digits cannot overflow. Anything else is left to the general checks.
 */
final class ShortInteger {
    /** Returned when the text is not a short integer; no short integer reaches it. */
    static final long NONE = Long.MIN_VALUE;
    private static final int MAX_DIGITS = 18;

    private ShortInteger() {
    }

    /** An optional sign and 1 to 18 ASCII digits, as the value {@link Long#parseLong} gives; else {@link #NONE}. */
    static long parse(String s) {
        int n = s.length();
        if (n == 0) {
            return NONE;
        }
        char first = s.charAt(0);
        boolean negative = first == '-';
        int i = negative || first == '+' ? 1 : 0;
        if (i == n || n - i > MAX_DIGITS) {
            return NONE;
        }
        long value = 0;
        for (; i < n; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return NONE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** The value {@link Double#parseDouble} gives for the same text: exact rounding, and {@code -0} is -0.0. */
    static double asDouble(long value, String s) {
        return value == 0 && s.charAt(0) == '-' ? -0.0 : (double) value;
    }
}
