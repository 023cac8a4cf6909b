package io.aidos.client.internal;

import io.aidos.api.Dataset;
import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A dataset on the server; versions are read when asked. */
final class RemoteDataset implements Dataset {
    private final Rest rest;
    private final String name;
    private final String description;
    private final Instant createdAt;

    RemoteDataset(Rest rest, String name, String description, Instant createdAt) {
        this.rest = rest;
        this.name = name;
        this.description = description;
        this.createdAt = createdAt;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public DatasetVersion latest() {
        return RemoteDatasetVersion.of(rest, rest.get(rest.url("datasets", name, "versions", "latest")));
    }

    @Override
    public DatasetVersion version(int number) {
        return RemoteDatasetVersion.of(rest, rest.get(rest.url("datasets", name, "versions",
                Integer.toString(number))));
    }

    @Override
    public List<DatasetVersion> versions() {
        List<DatasetVersion> out = new ArrayList<>();
        rest.get(rest.url("datasets", name, "versions")).forEach(n -> out.add(RemoteDatasetVersion.of(rest, n)));
        return out;
    }

    @Override
    public DatasetDraft newVersion() {
        return new RemoteDatasetDraft(rest, name, false);
    }

    @Override
    public String toString() {
        return "Dataset{" + name + "}";
    }
}
