package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import io.aidos.api.AiDosException;
import io.aidos.api.ColumnType;
import io.aidos.api.DatasetSchema;
import io.aidos.api.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/** Streams rows from a JSON Lines download (one array of values per line), typed by the schema. */
final class RowReader {

    private RowReader() {
    }

    static Stream<Row> stream(Rest rest, HttpUrl.Builder url, DatasetSchema schema) {
        Response response = rest.transport.send(new Request.Builder().url(url.build()).get().build(), r -> r);
        try {
            JsonParser parser = Json.MAPPER.getFactory().createParser(response.body().byteStream());
            var rows = new java.util.Iterator<Row>() {
                private JsonNode next;

                @Override
                public boolean hasNext() {
                    try {
                        if (next == null && parser.nextToken() != null) {
                            next = Json.MAPPER.readTree(parser);
                        }
                        return next != null;
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading rows from the server failed: " + e.getMessage(), e);
                    }
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    Row r = row(next, schema);
                    next = null;
                    return r;
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                    .onClose(response::close);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e instanceof RuntimeException re ? re : new UncheckedIOException((IOException) e);
        }
    }

    private static Row row(JsonNode array, DatasetSchema schema) {
        if (!array.isArray() || array.size() != schema.size()) {
            throw new AiDosException("the server sent a row that does not fit the schema: " + array);
        }
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(array.get(i), schema.column(i).type());
        }
        return new Row(schema, values);
    }

    static Object value(JsonNode v, ColumnType type) {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (type) {
            case LONG -> v.asLong();
            case DOUBLE -> Json.number(v);
            case BOOLEAN -> v.asBoolean();
            case STRING -> v.asText();
        };
    }
}
