package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aidos.api.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The JSON reading and writing both codecs share: one configured mapper, and bodies read with a clear error. */
final class JsonBodies {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private JsonBodies() {
    }

    /** The body as a JSON tree; empty or malformed JSON is an {@link InvalidInputException} with the position. */
    static JsonNode read(byte[] body) {
        return read(body, body == null ? 0 : body.length);
    }

    /** {@link #read(byte[])} of the first {@code length} bytes of {@code body}. */
    static JsonNode read(byte[] body, int length) {
        if (body == null || length == 0) {
            throw InputErrors.of("request body", "is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body, 0, length);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException("request body", "is malformed JSON" + where + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to read
        }
        if (root == null || root.isMissingNode()) {
            throw InputErrors.of("request body", "is empty");
        }
        return root;
    }

    /** What a response writes. */
    interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** Runs {@code body} against a generator over a byte buffer of about {@code sizeHint} bytes. */
    static byte[] write(int sizeHint, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, sizeHint));
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer cannot fail to write
        }
        return out.toByteArray();
    }

    /** A number, or null for NaN and infinities, which JSON cannot hold. */
    static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNull();
        }
    }

    /** A JSON value for an error message: {@code null}, {@code the number 2.5}, {@code the string 'abc'}. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string " + InputErrors.quote(node.textValue());
        }
        if (node.isNumber() || node.isBoolean()) {
            return "the " + (node.isNumber() ? "number " : "boolean ") + node.asText();
        }
        return JsonBodies.kind(node) + " " + InputErrors.quote(node.toString());
    }

    /** What kind of JSON value {@code node} is, for error messages: "a list", "a string". */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
