package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.function.Supplier;

/**
 * Turns one cell of a request to a tabular model into the value a row holds: a Double or Long, a String, a Boolean,
 * or null for a missing value.
 */
final class TabularCells {
    private TabularCells() {
    }

    /** A JSON cell of an OIP tensor sent as {@code sent} (already checked to feed the column). */
    static Object fromOip(JsonNode node, OipDatatype sent, Supplier<String> field, int index) {
        if (node.isNull()) {
            return null;
        }
        return switch (sent.kind()) {
            case BOOL -> {
                if (!node.isBoolean()) {
                    throw wrong(field, "booleans (" + sent + ")", index, node);
                }
                yield node.booleanValue();
            }
            case BYTES -> {
                if (!node.isTextual()) {
                    throw wrong(field, "strings (" + sent + ")", index, node);
                }
                yield node.textValue();
            }
            case INTEGER -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw wrong(field, "whole numbers (" + sent + ")", index, node);
                }
                yield node.longValue();
            }
            case FLOAT -> {
                if (!node.isNumber()) {
                    throw wrong(field, "numbers (" + sent + ")", index, node);
                }
                yield node.doubleValue();
            }
        };
    }

    /** A JSON cell (MLflow) for {@code column}, checked against the column's declared datatype. */
    static Object fromJson(JsonNode node, TensorSpec column, Supplier<String> field) {
        if (node == null || node.isNull()) {
            return null;
        }
        OipDatatype declared = OipDatatype.lookup(column.datatype());
        OipDatatype.Kind kind = declared == null ? null : declared.kind();
        if (node.isNumber() && (kind == null || kind.numeric())) {
            return kind == OipDatatype.Kind.INTEGER && node.isIntegralNumber() && node.canConvertToLong()
                    ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isTextual() && (kind == null || kind == OipDatatype.Kind.BYTES)) {
            return node.textValue();
        }
        if (node.isBoolean() && (kind == null || kind == OipDatatype.Kind.BOOL)) {
            return node.booleanValue();
        }
        throw InputErrors.of(field.get(), "must be " + expected(kind) + " but was " + JsonBodies.describe(node));
    }

    /** A CSV cell for {@code column}; null (an empty unquoted cell) is a missing value. */
    static Object fromText(String text, TensorSpec column, String field) {
        if (text == null) {
            return null;
        }
        OipDatatype declared = OipDatatype.lookup(column.datatype());
        OipDatatype.Kind kind = declared == null ? OipDatatype.Kind.BYTES : declared.kind();
        if (kind == OipDatatype.Kind.BYTES) {
            return text;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (kind == OipDatatype.Kind.BOOL) {
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(t);
            }
            throw InputErrors.of(field, "must be true or false but was " + InputErrors.quote(text));
        }
        try {
            if (kind == OipDatatype.Kind.INTEGER) {
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException notWhole) {
                    return Double.parseDouble(t);
                }
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw InputErrors.of(field, "must be a number but was " + InputErrors.quote(text));
        }
    }

    private static String expected(OipDatatype.Kind kind) {
        if (kind == null) {
            return "a number, string or boolean";
        }
        return switch (kind) {
            case BOOL -> "a boolean";
            case BYTES -> "a string";
            case INTEGER, FLOAT -> "a number";
        };
    }

    private static RuntimeException wrong(Supplier<String> field, String expected, int index, JsonNode node) {
        return InputErrors.of(field.get(), "must hold " + expected + " but value " + index + " was "
                + JsonBodies.describe(node));
    }
}
