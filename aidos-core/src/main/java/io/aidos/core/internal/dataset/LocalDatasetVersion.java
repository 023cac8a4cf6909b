package io.aidos.core.internal.dataset;

import io.aidos.api.ColumnStats;
import io.aidos.api.DatasetSchema;
import io.aidos.api.DatasetSlice;
import io.aidos.api.DatasetSplit;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Row;
import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.spi.Arguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** An immutable dataset version; its rows are the canonical file in the blob store. */
final class LocalDatasetVersion implements DatasetVersion {
    private final BlobStore blobs;
    private final String datasetName;
    private final int version;
    private final String message;
    private final Instant createdAt;
    private final DatasetSchema schema;
    private final long rowCount;
    private final String contentHash;
    private final long sizeBytes;
    private final List<ColumnStats> stats;
    private final String blobSha256;

    LocalDatasetVersion(BlobStore blobs, String datasetName, int version, String message, Instant createdAt,
                        DatasetSchema schema, long rowCount, String contentHash, long sizeBytes,
                        List<ColumnStats> stats, String blobSha256) {
        this.blobs = blobs;
        this.datasetName = datasetName;
        this.version = version;
        this.message = message;
        this.createdAt = createdAt;
        this.schema = schema;
        this.rowCount = rowCount;
        this.contentHash = contentHash;
        this.sizeBytes = sizeBytes;
        this.stats = stats;
        this.blobSha256 = blobSha256;
    }

    @Override public String datasetName() { return datasetName; }
    @Override public int version() { return version; }
    @Override public String message() { return message; }
    @Override public Instant createdAt() { return createdAt; }
    @Override public DatasetSchema schema() { return schema; }
    @Override public long rowCount() { return rowCount; }
    @Override public String contentHash() { return contentHash; }
    @Override public long sizeBytes() { return sizeBytes; }
    @Override public List<ColumnStats> stats() { return stats; }

    /** The stored canonical file (for modules that read datasets directly, such as training). */
    Path file() {
        return blobs.path(blobSha256);
    }

    @Override
    public Stream<Row> rows() {
        return CanonicalReader.rows(file(), schema);
    }

    @Override
    public DatasetSplit split(double trainFraction, long seed) {
        BitSet train = SplitPlan.trainRows(rowCount, trainFraction, seed);
        long trainCount = train.cardinality();
        DatasetVersion source = this;
        return new DatasetSplit() {
            @Override public DatasetSlice train() { return slice(train, true, trainCount); }
            @Override public DatasetSlice test() { return slice(train, false, rowCount - trainCount); }
            @Override public double trainFraction() { return trainFraction; }
            @Override public long seed() { return seed; }

            private DatasetSlice slice(BitSet rows, boolean side, long count) {
                return new DatasetSlice() {
                    @Override public DatasetVersion source() { return source; }
                    @Override public long rowCount() { return count; }
                    @Override public Stream<Row> rows() { return CanonicalReader.rows(file(), schema, rows, side); }
                };
            }
        };
    }

    /** The canonical file is already RFC 4180 CSV with a header: copy it, atomically. */
    @Override
    public void exportCsv(Path target) {
        Arguments.notNull("target", target);
        try {
            Path absolute = target.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), ".export-", ".part");
            Files.copy(file(), temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DatasetVersion{" + datasetName + " v" + version + ", " + rowCount + " rows, " + contentHash + "}";
    }
}
