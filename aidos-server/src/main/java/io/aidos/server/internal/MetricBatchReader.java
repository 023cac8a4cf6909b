package io.aidos.server.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Run;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code {"metrics": [{"key": "loss", "value": 0.5, "step": 1}, ...]}} with Jackson's streaming parser and
 * logs each point as it is read, so a batch of 100,000 points never becomes a tree. Values may be numbers or
 * the strings {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
final class MetricBatchReader {

    private MetricBatchReader() {
    }

    static int read(Context ctx, long limit, Run run) {
        try (InputStream in = Limits.limited(ctx, limit); JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, p);
            int count = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (!field.equals("metrics")) {
                    p.skipChildren();
                    continue;
                }
                expect(t, JsonToken.START_ARRAY, p);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    point(p, run);
                    count++;
                }
            }
            return count;
        } catch (JsonParseException e) {
            throw new InvalidInputException("body", "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw Limits.rethrow(e);
        }
    }

    private static void point(JsonParser p, Run run) throws IOException {
        String key = null;
        double value = Double.NaN;
        boolean hasValue = false;
        long step = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "key" -> key = t == JsonToken.VALUE_NULL ? null : p.getText();
                case "value" -> {
                    value = value(p, t);
                    hasValue = true;
                }
                case "step" -> {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw new InvalidInputException("step", p.getText(), "must be a whole number");
                    }
                    step = p.getLongValue();
                }
                default -> p.skipChildren();
            }
        }
        if (!hasValue) {
            throw new InvalidInputException("metric " + key + " value", null, "is required");
        }
        run.logMetric(key, value, step);
    }

    private static double value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            switch (p.getText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new InvalidInputException("value", p.getText(), "must be a number, NaN, Infinity or -Infinity");
    }

    private static void expect(JsonToken actual, JsonToken expected, JsonParser p) throws IOException {
        if (actual != expected) {
            throw new InvalidInputException("body", String.valueOf(p.getText()), "must be {\"metrics\": [...]}");
        }
    }
}
