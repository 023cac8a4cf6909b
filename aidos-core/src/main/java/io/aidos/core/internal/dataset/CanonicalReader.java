package io.aidos.core.internal.dataset;

import io.aidos.api.ColumnType;
import io.aidos.api.DatasetSchema;
import io.aidos.api.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Streams the rows of a canonical dataset file, typed per its schema; closing the stream closes the file. */
final class CanonicalReader {
    private CanonicalReader() {
    }

    static Stream<Row> rows(Path file, DatasetSchema schema) {
        return rows(file, schema, null, true);
    }

    /** Only rows whose index {@code i} has {@code selected.get(i) == keep}; all rows when {@code selected} is null. */
    static Stream<Row> rows(Path file, DatasetSchema schema, BitSet selected, boolean keep) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open dataset file " + file + ": " + e.getMessage(), e);
        }
        CsvParser parser = new CsvParser(in, file.getFileName().toString(), Set.of(""));
        parser.readHeader();
        ColumnType[] types = schema.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
        Spliterator<Row> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED
                | Spliterator.NONNULL) {
            private int index = -1;

            @Override
            public boolean tryAdvance(Consumer<? super Row> action) {
                String[] cells;
                do {
                    cells = parser.next();
                    index++;
                } while (cells != null && selected != null && selected.get(index) != keep);
                if (cells == null) {
                    return false;
                }
                Object[] values = new Object[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    values[i] = typed(cells[i], types[i]);
                }
                action.accept(new Row(schema, values));
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(parser::close);
    }

    private static Object typed(String text, ColumnType type) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case LONG -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case STRING -> text;
        };
    }
}
