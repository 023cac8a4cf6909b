package io.aidos.core.internal.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JSON Lines: one object per non-blank line, strict UTF-8. Numbers become Long (integral and in range) or
 * Double, nested objects and arrays their compact JSON text. Errors name the line.
 */
final class JsonLinesParser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedReader reader;
    private final String source;
    private long line;

    JsonLinesParser(InputStream in, String sourceName) {
        this.reader = new BufferedReader(new StrictUtf8Reader(in), 1 << 16);
        this.source = sourceName;
    }

    /** The next object, or null at the end. */
    Map<String, Object> next() {
        String text;
        try {
            do {
                line++;
                text = reader.readLine();
            } while (text != null && text.isBlank());
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(source + " line " + line, "is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + " line " + line, text, "is not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
        if (!node.isObject()) {
            throw new InvalidInputException(source + " line " + line, text, "must be a JSON object");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            row.put(field.getKey(), value(field.getValue()));
        }
        return row;
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        return v.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
