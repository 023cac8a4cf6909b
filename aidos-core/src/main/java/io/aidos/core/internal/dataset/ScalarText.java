package io.aidos.core.internal.dataset;

/** Hand-written checks (no regex: they run once per cell) for text that reads as a number or a boolean. */
final class ScalarText {
    private ScalarText() {
    }

    /** Optional sign and digits that fit in a long. */
    static boolean isLong(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (n - i < 18) {
            return true;
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A decimal or scientific number, or NaN / Infinity with an optional sign. No spaces, hex or suffixes. */
    static boolean isDouble(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (s.startsWith("Infinity", i) && n - i == 8 || s.equals("NaN")) {
            return true;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    static boolean isBoolean(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }

    /** Written unquoted in the canonical form: numbers and booleans. */
    static boolean isScalar(String s) {
        return isDouble(s) || isBoolean(s);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
