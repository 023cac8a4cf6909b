package io.aidos.server.internal;

import io.aidos.api.InvalidInputException;

/** Parses path and query parameters, failing with INVALID_INPUT naming the parameter. */
final class Params {

    private Params() {
    }

    static int intValue(String field, String value) {
        try {
            return Integer.parseInt(require(field, value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, value, "must be a whole number");
        }
    }

    static long longValue(String field, String value) {
        try {
            return Long.parseLong(require(field, value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, value, "must be a whole number");
        }
    }

    static double doubleValue(String field, String value) {
        try {
            return Double.parseDouble(require(field, value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, value, "must be a number");
        }
    }

    static int intValue(String field, String value, int fallback) {
        return value == null ? fallback : intValue(field, value);
    }

    static String require(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field, null, "is required");
        }
        return value;
    }
}
