package io.aidos.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** One immutable, content-addressed version of a dataset. */
public interface DatasetVersion {

    String datasetName();

    /** 1, 2, 3, ... */
    int version();

    /** The commit message, or null. */
    String message();

    Instant createdAt();

    DatasetSchema schema();

    long rowCount();

    /** SHA-256 (hex) of the canonical content: same rows and columns give the same hash. */
    String contentHash();

    /** Size of the stored canonical content in bytes. */
    long sizeBytes();

    /** Per-column statistics, in schema order. */
    List<ColumnStats> stats();

    /** Streams the rows in stored order; close the stream (try-with-resources) to release the file. */
    Stream<Row> rows();

    /**
     * A reproducible random split: exactly {@code round(rowCount * trainFraction)} rows go to train; the same
     * seed gives the same split on every backend and machine.
     */
    DatasetSplit split(double trainFraction, long seed);

    /** Writes the version as RFC 4180 CSV with a header row. */
    void exportCsv(Path target);
}
