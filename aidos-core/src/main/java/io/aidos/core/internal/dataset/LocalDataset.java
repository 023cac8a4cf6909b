package io.aidos.core.internal.dataset;

import io.aidos.api.Dataset;
import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.DatasetVersion;
import java.time.Instant;
import java.util.List;

/** A dataset of the JDBC store; versions are read live. */
final class LocalDataset implements Dataset {
    private final DatasetStore store;
    private final DatasetStore.DatasetRecord record;

    LocalDataset(DatasetStore store, DatasetStore.DatasetRecord record) {
        this.store = store;
        this.record = record;
    }

    @Override public String name() { return record.name(); }
    @Override public String description() { return record.description(); }
    @Override public Instant createdAt() { return record.createdAt(); }

    @Override
    public DatasetVersion latest() {
        List<LocalDatasetVersion> all = store.versions(record.id());
        if (all.isEmpty()) {
            throw new DatasetNotFoundException(name(), "dataset '" + name() + "' has no versions");
        }
        return all.get(all.size() - 1);
    }

    @Override
    public DatasetVersion version(int number) {
        return store.version(record.id(), number).orElseThrow(() -> new DatasetNotFoundException(name(),
                "dataset '" + name() + "' has no version " + number));
    }

    @Override
    public List<DatasetVersion> versions() {
        return List.copyOf(store.versions(record.id()));
    }

    @Override
    public DatasetDraft newVersion() {
        return new LocalDatasetDraft(store, name(), false);
    }

    @Override
    public String toString() {
        return "Dataset{" + name() + "}";
    }
}
