package io.aidos.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aidos.api.InvalidInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** The wire format: snake_case JSON, ISO-8601 instants, NaN and infinities as strings. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Writes {@code body} as the JSON response with {@code status}. */
    public static void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response JSON: " + e.getMessage(), e);
        }
    }

    public static void ok(Context ctx, Object body) {
        respond(ctx, 200, body);
    }

    /** The request body as a JSON tree, read with the JSON size limit; malformed JSON is INVALID_INPUT. */
    public static JsonNode body(Context ctx, long limit) {
        try (InputStream in = Limits.limited(ctx, limit)) {
            JsonNode node = MAPPER.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("body", null, "must be a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw Limits.rethrow(e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException("body", "does not describe a " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A required text field. */
    public static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInputException(field, v.toString(), "must be a string");
        }
        return v.asText();
    }
}
