package io.aidos.core.internal.dataset;

import io.aidos.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a new version's rows come from; each kind encodes itself into a {@link DatasetEncoder}. */
sealed interface DatasetSource {

    EncodedDataset encode(Path tempDir, Set<String> nullTokens);

    record Csv(InputStreamOpener opener, String name) implements DatasetSource {
        @Override
        public EncodedDataset encode(Path tempDir, Set<String> nullTokens) {
            try (InputStream in = opener.open(); CsvParser parser = new CsvParser(in, name, nullTokens);
                 DatasetEncoder encoder = new DatasetEncoder(tempDir, List.of(parser.readHeader()))) {
                ReadAhead.forEach(parser, encoder::addTextRow);
                return encoder.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** JSON Lines: one pass to find the columns, one to encode. */
    record JsonLines(Path file) implements DatasetSource {
        @Override
        public EncodedDataset encode(Path tempDir, Set<String> nullTokens) {
            RowColumns columns = new RowColumns();
            InputStreamOpener opener = InputStreamOpener.of(file);
            String name = file.getFileName().toString();
            try (InputStream in = opener.open(); JsonLinesParser parser = new JsonLinesParser(in, name)) {
                for (Map<String, Object> row = parser.next(); row != null; row = parser.next()) {
                    columns.add(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> names = columns.names();
            try (InputStream in = opener.open(); JsonLinesParser parser = new JsonLinesParser(in, name);
                 DatasetEncoder encoder = new DatasetEncoder(tempDir, names)) {
                for (Map<String, Object> row = parser.next(); row != null; row = parser.next()) {
                    encoder.addValueRow(RowColumns.values(names, row));
                }
                return encoder.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Rows(List<Map<String, Object>> rows) implements DatasetSource {
        @Override
        public EncodedDataset encode(Path tempDir, Set<String> nullTokens) {
            RowColumns columns = new RowColumns();
            for (Map<String, Object> row : rows) {
                if (row == null) {
                    throw new InvalidInputException("rows", null, "must not contain null rows");
                }
                columns.add(row);
            }
            List<String> names = columns.names();
            try (DatasetEncoder encoder = new DatasetEncoder(tempDir, names)) {
                rows.forEach(row -> encoder.addValueRow(RowColumns.values(names, row)));
                return encoder.finish();
            }
        }
    }

    /** Opens a source stream; a file is checked when opened, so a missing file is an input error. */
    @FunctionalInterface
    interface InputStreamOpener {
        InputStream open() throws IOException;

        static InputStreamOpener of(Path file) {
            return () -> {
                try {
                    return Files.newInputStream(file);
                } catch (NoSuchFileException e) {
                    throw new InvalidInputException("file", file, "does not exist");
                }
            };
        }
    }
}
