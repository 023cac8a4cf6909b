package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Dataset;
import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.Datasets;
import io.aidos.spi.Arguments;
import java.util.ArrayList;
import java.util.List;

/** {@link Datasets} over HTTP. */
final class RemoteDatasets implements Datasets {
    private final Rest rest;

    RemoteDatasets(Rest rest) {
        this.rest = rest;
    }

    @Override
    public DatasetDraft create(String name) {
        return new RemoteDatasetDraft(rest, Arguments.identifier("dataset name", name), true);
    }

    @Override
    public Dataset get(String name) {
        Arguments.identifier("dataset name", name);
        return dataset(rest.get(rest.url("datasets", name)));
    }

    @Override
    public boolean exists(String name) {
        Arguments.identifier("dataset name", name);
        try {
            rest.get(rest.url("datasets", name));
            return true;
        } catch (DatasetNotFoundException e) {
            return false;
        }
    }

    @Override
    public List<Dataset> list() {
        List<Dataset> out = new ArrayList<>();
        rest.get(rest.url("datasets")).forEach(n -> out.add(dataset(n)));
        return out;
    }

    private Dataset dataset(JsonNode n) {
        return new RemoteDataset(rest, n.get("name").asText(), n.path("description").isNull() ? null
                : n.path("description").asText(null), Json.instant(n.get("created_at")));
    }
}
