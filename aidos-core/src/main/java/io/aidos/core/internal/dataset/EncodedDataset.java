package io.aidos.core.internal.dataset;

import io.aidos.api.ColumnStats;
import io.aidos.api.DatasetSchema;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset in canonical form, in a temp file the caller stores or deletes. {@code fileSha256} names the bytes
 * (storage identity); {@code contentHash} also covers the column types (dataset identity).
 */
record EncodedDataset(Path file, String fileSha256, String contentHash, long rowCount, long sizeBytes,
                      DatasetSchema schema, List<ColumnStats> stats) {
}
