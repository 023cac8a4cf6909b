package io.aidos.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object's fields, read strictly: names in snake_case or camelCase ({@code max_concurrency} and
 * {@code maxConcurrency} are one field), unknown names refused, wrong types refused, each error naming the field
 * by its path ({@code autoscaling.min}) with the value that was sent.
 */
final class JsonFields {
    private final String prefix;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();

    private JsonFields(String prefix, JsonNode object, Set<String> known) {
        this.prefix = prefix;
        if (object == null || !object.isObject()) {
            throw new InvalidInputException(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    object == null ? null : object.toString(), "must be a JSON object");
        }
        object.fields().forEachRemaining(e -> {
            String name = snakeCase(e.getKey());
            if (!known.contains(name)) {
                throw new InvalidInputException(prefix + e.getKey(), e.getValue().toString(),
                        "is not a known field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
            if (!e.getValue().isNull()) {
                fields.put(name, e.getValue());
            }
        });
    }

    /** The fields of {@code object}, which may only have the {@code known} (snake_case) names. */
    static JsonFields of(JsonNode object, Set<String> known) {
        return new JsonFields("", object, known);
    }

    /** The nested object {@code name}, or null when absent. */
    JsonFields object(String name, Set<String> known) {
        JsonNode v = fields.get(name);
        return v == null ? null : new JsonFields(prefix + name + ".", v, known);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    JsonNode node(String name) {
        return fields.get(name);
    }

    /** A required string; a whole number is taken as its text (a version {@code 2}). */
    String text(String name) {
        JsonNode v = required(name);
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        throw new InvalidInputException(prefix + name, v.toString(), "must be a string");
    }

    int integer(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidInputException(prefix + name, v.toString(), "must be a whole number");
        }
        return v.asInt();
    }

    int integer(String name, int fallback) {
        return has(name) ? integer(name) : fallback;
    }

    double number(String name, double fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode v = fields.get(name);
        if (!v.isNumber()) {
            throw new InvalidInputException(prefix + name, v.toString(), "must be a number");
        }
        return v.asDouble();
    }

    /** A duration in milliseconds (fractions allowed). */
    Duration millis(String name, Duration fallback) {
        if (!has(name)) {
            return fallback;
        }
        double ms = number(name, 0);
        if (!Double.isFinite(ms) || Math.abs(ms) > 1e12) {
            throw new InvalidInputException(prefix + name, fields.get(name).toString(), "is out of range");
        }
        return Duration.ofNanos(Math.round(ms * 1_000_000));
    }

    private JsonNode required(String name) {
        JsonNode v = fields.get(name);
        if (v == null) {
            throw new InvalidInputException(prefix + name, null, "is required");
        }
        return v;
    }

    /** {@code maxDelayMillis} → {@code max_delay_millis}; snake_case names stay as they are. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A duration as milliseconds: a whole number when it is one, else a fraction. */
    static Object millis(Duration d) {
        long nanos = d.toNanos();
        return nanos % 1_000_000 == 0 ? (Object) (nanos / 1_000_000) : (Object) (nanos / 1e6);
    }
}
