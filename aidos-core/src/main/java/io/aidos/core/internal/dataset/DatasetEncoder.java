package io.aidos.core.internal.dataset;

import io.aidos.api.Column;
import io.aidos.api.ColumnStats;
import io.aidos.api.DatasetSchema;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.artifact.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Writes a dataset's canonical form to a temp file in one pass, hashing it and summarising every column.
 *
 * <p>Canonical form: UTF-8 RFC 4180, {@code \n} line ends, quoted header names, then one record per row. A null
 * is an empty unquoted cell. A value whose text reads as a number or boolean is written unquoted, as given;
 * any other text is quoted (so {@code ""} is the empty string and {@code "NA"} stays text). The rule looks only at
 * the cell, never at the column's final type, which is known only at the end. Same rows, same bytes.
 */
public final class DatasetEncoder implements AutoCloseable {
    private final Path file;
    private final MessageDigest digest = BlobStore.sha256();
    private final CanonicalOutput out;
    private final List<String> names;
    private final ColumnSummary[] columns;
    private long rows;
    private Boolean typed;
    private boolean finished;

    public DatasetEncoder(Path tempDir, List<String> columnNames) {
        this.names = List.copyOf(checkNames(columnNames));
        this.columns = new ColumnSummary[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnSummary(names.get(i));
        }
        try {
            this.file = Files.createTempFile(tempDir, "dataset-", ".csv.part");
            this.out = new CanonicalOutput(Files.newOutputStream(file), digest);
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.writeQuoted(names.get(i));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a dataset in " + tempDir + ": " + e.getMessage(), e);
        }
    }

    /** Adds a row of untyped text cells (null = missing); types are inferred from all rows. */
    public void addTextRow(String[] cells) {
        mode(false);
        try {
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String s = cells[i];
                if (s == null) {
                    columns[i].addNull();
                } else if (columns[i].addText(s)) {
                    out.write(s);
                } else {
                    out.writeQuoted(s);
                }
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a row of typed values: numbers, booleans, strings (anything else as its text), null. */
    public void addValueRow(Object[] values) {
        mode(true);
        try {
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object v = values[i];
                if (v == null) {
                    columns[i].addNull();
                    continue;
                }
                String text = columns[i].addValue(v);
                if (ScalarText.isScalar(text)) {
                    out.write(text);
                } else {
                    out.writeQuoted(text);
                }
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EncodedDataset finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Column> schema = new ArrayList<>();
        List<ColumnStats> stats = new ArrayList<>();
        for (ColumnSummary c : columns) {
            var type = c.type(Boolean.TRUE.equals(typed));
            schema.add(new Column(c.name, type));
            stats.add(c.stats(type));
        }
        String fileSha = HexFormat.of().formatHex(digest.digest());
        MessageDigest identity = BlobStore.sha256();
        identity.update(("aidos-dataset/1\n" + schema.stream().map(c -> c.type().name()).toList() + "\n" + fileSha)
                .getBytes(StandardCharsets.UTF_8));
        try {
            finished = true;
            return new EncodedDataset(file, fileSha, HexFormat.of().formatHex(identity.digest()), rows,
                    Files.size(file), new DatasetSchema(schema), List.copyOf(stats));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temp file unless {@link #finish()} handed it over: a failed import leaves nothing behind. */
    @Override
    public void close() {
        if (!finished) {
            try {
                out.close();
            } catch (IOException ignored) {
                // deleted below all the same
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing references the temp file
            }
        }
    }

    private void mode(boolean valueRows) {
        if (typed == null) {
            typed = valueRows;
        } else if (typed != valueRows) {
            throw new IllegalStateException("text rows and value rows cannot be mixed in one dataset");
        }
    }

    private static List<String> checkNames(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidInputException("columns", "[]", "must name at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new InvalidInputException("column name", n, "must not be blank");
            }
            if (n.length() > 250 || n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidInputException("column name", n, "must be at most 250 characters, no control characters");
            }
            if (!seen.add(n)) {
                throw new InvalidInputException("column name", n, "appears twice");
            }
        }
        return names;
    }
}
