package io.aidos.core.internal.dataset;

import io.aidos.api.Dataset;
import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.Datasets;
import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.core.internal.store.Database;
import io.aidos.spi.Arguments;
import java.util.List;

/** {@link Datasets} of one organization on the JDBC store, with rows kept as canonical CSV in the blob store. */
public final class LocalDatasets implements Datasets {
    private final DatasetStore store;

    /** The datasets of organization {@code orgId}: the only ones this instance lists, finds and creates. */
    public LocalDatasets(Database db, BlobStore blobs, String orgId) {
        this.store = new DatasetStore(db, blobs, orgId);
    }

    @Override
    public DatasetDraft create(String name) {
        return new LocalDatasetDraft(store, Arguments.identifier("dataset name", name), true);
    }

    @Override
    public Dataset get(String name) {
        Arguments.identifier("dataset name", name);
        return store.find(name).map(r -> (Dataset) new LocalDataset(store, r))
                .orElseThrow(() -> new DatasetNotFoundException(name));
    }

    @Override
    public boolean exists(String name) {
        return store.find(Arguments.identifier("dataset name", name)).isPresent();
    }

    @Override
    public List<Dataset> list() {
        return store.list().stream().map(r -> (Dataset) new LocalDataset(store, r)).toList();
    }
}
