package io.aidos.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aidos.api.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.stream.Stream;

/** Writes rows as JSON Lines, each a JSON array of the row's values in schema order (NaN as "NaN"). */
final class RowWriter {

    private RowWriter() {
    }

    static void write(Stream<Row> rows, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row r = it.next();
                g.writeStartArray();
                for (int i = 0; i < r.size(); i++) {
                    writeValue(g, r.get(i));
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }
}
