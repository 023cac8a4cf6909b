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

    /**
     * IDX images with their labels (the MNIST format): columns {@code label}, then {@code pixel_0 ..
     * pixel_{w*h-1}}, all LONG (0..255). At most {@code maxRows} rows; both files must hold the same count.
     */
    record Idx(Path images, Path labels, int maxRows) implements DatasetSource {
        private static final String[] BYTE_TEXT = new String[256];

        static {
            for (int i = 0; i < BYTE_TEXT.length; i++) {
                BYTE_TEXT[i] = Integer.toString(i);
            }
        }

        @Override
        public EncodedDataset encode(Path tempDir, Set<String> nullTokens) {
            try (IdxReader pictures = IdxReader.open(images, 3, "images");
                 IdxReader tags = IdxReader.open(labels, 1, "labels")) {
                if (pictures.count() != tags.count()) {
                    throw new InvalidInputException("file", labels, "holds " + tags.count() + " labels but "
                            + images + " holds " + pictures.count() + " images");
                }
                int pixels = pictures.itemSize();
                List<String> names = new java.util.ArrayList<>(pixels + 1);
                names.add("label");
                for (int p = 0; p < pixels; p++) {
                    names.add("pixel_" + p);
                }
                byte[] image = new byte[pixels];
                byte[] label = new byte[1];
                String[] cells = new String[pixels + 1];
                int rows = Math.min(maxRows, pictures.count());
                try (DatasetEncoder encoder = new DatasetEncoder(tempDir, names)) {
                    for (int r = 0; r < rows; r++) {
                        pictures.next(image);
                        tags.next(label);
                        cells[0] = BYTE_TEXT[label[0] & 0xff];
                        for (int p = 0; p < pixels; p++) {
                            cells[p + 1] = BYTE_TEXT[image[p] & 0xff];
                        }
                        encoder.addTextRow(cells);
                    }
                    return encoder.finish();
                }
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
