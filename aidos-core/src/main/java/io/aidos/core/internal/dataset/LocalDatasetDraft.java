package io.aidos.core.internal.dataset;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.artifact.Blob;
import io.aidos.spi.Arguments;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version being made. {@link #commit} encodes the source into a temp file, moves it into the blob store
 * (deduplicated by content) and only then records the version, in one transaction: a failure at any step
 * leaves no version behind.
 */
final class LocalDatasetDraft implements DatasetDraft {
    private final DatasetStore store;
    private final String name;
    private final boolean create;
    private String description;
    private DatasetSource source;
    private Set<String> nullTokens = CsvParser.DEFAULT_NULL_TOKENS;

    LocalDatasetDraft(DatasetStore store, String name, boolean create) {
        this.store = store;
        this.name = name;
        this.create = create;
    }

    @Override
    public DatasetDraft description(String description) {
        this.description = Arguments.text("description", description);
        return this;
    }

    @Override
    public DatasetDraft fromCsv(Path file) {
        Arguments.notNull("file", file);
        return source(new DatasetSource.Csv(DatasetSource.InputStreamOpener.of(file), String.valueOf(file.getFileName())));
    }

    @Override
    public DatasetDraft fromCsv(InputStream csv, String sourceName) {
        Arguments.notNull("csv", csv);
        return source(new DatasetSource.Csv(() -> csv, Arguments.displayName("sourceName", sourceName)));
    }

    @Override
    public DatasetDraft fromJsonLines(Path file) {
        return source(new DatasetSource.JsonLines(Arguments.notNull("file", file)));
    }

    @Override
    public DatasetDraft fromRows(List<Map<String, Object>> rows) {
        return source(new DatasetSource.Rows(List.copyOf(Arguments.notNull("rows", rows))));
    }

    @Override
    public DatasetDraft fromIdx(Path images, Path labels) {
        return fromIdx(images, labels, Integer.MAX_VALUE);
    }

    @Override
    public DatasetDraft fromIdx(Path images, Path labels, int maxRows) {
        if (maxRows < 1) {
            throw new InvalidInputException("maxRows", maxRows, "must be >= 1");
        }
        return source(new DatasetSource.Idx(Arguments.notNull("images", images), Arguments.notNull("labels", labels),
                maxRows));
    }

    @Override
    public DatasetDraft nullValues(Set<String> tokens) {
        this.nullTokens = Set.copyOf(Arguments.notNull("tokens", tokens));
        return this;
    }

    @Override
    public DatasetVersion commit(String message) {
        Arguments.text("message", message);
        if (source == null) {
            throw new InvalidInputException("source", null, "must be set with fromCsv, fromJsonLines, fromRows or fromIdx");
        }
        // Fail before reading the source; the commit transaction checks again, for races.
        boolean exists = store.find(name).isPresent();
        if (create && exists) {
            throw new AlreadyExistsException("dataset", name);
        }
        if (!create && !exists) {
            throw new DatasetNotFoundException(name);
        }
        EncodedDataset data = source.encode(store.blobs.tempFolder(), nullTokens);
        Blob blob = store.blobs.adopt(data.file(), data.fileSha256(), data.sizeBytes());
        int version = store.commit(name, create, description, data, message);
        return new LocalDatasetVersion(store.blobs, name, version, message, java.time.Instant.now(), data.schema(),
                data.rowCount(), data.contentHash(), blob.sizeBytes(), data.stats(), blob.sha256());
    }

    private DatasetDraft source(DatasetSource source) {
        if (this.source != null) {
            throw new InvalidInputException("source", source.getClass().getSimpleName(),
                    "is a second source; a version has exactly one");
        }
        this.source = source;
        return this;
    }
}
