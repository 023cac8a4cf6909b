package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.core.internal.registry.ModelCatalog;
import io.aidos.core.internal.registry.StoredModel;
import io.aidos.core.internal.registry.VersionCatalog;
import java.util.List;

/** {@code registered-models/*}: create, get, search, update, delete, get-latest-versions and aliases. */
final class ModelRoutes {
    /** MLflow's default and largest page of registered models. */
    static final int DEFAULT_MAX_RESULTS = 100;
    static final int MAX_RESULTS = 1000;

    private final ModelCatalog models;
    private final VersionCatalog versions;

    ModelRoutes(ModelCatalog models, VersionCatalog versions) {
        this.models = models;
        this.versions = versions;
    }

    void register(MlflowRoutes routes) {
        routes.post("registered-models/create", r -> modelResponse(models.create(r.required("name"),
                r.string("description"))));
        routes.read("registered-models/get", r -> modelResponse(models.get(r.required("name"))));
        routes.read("registered-models/search", this::search);
        routes.patch("registered-models/update", r -> modelResponse(models.updateDescription(r.required("name"),
                r.string("description"))));
        routes.post("registered-models/update", r -> modelResponse(models.updateDescription(r.required("name"),
                r.string("description"))));
        routes.delete("registered-models/delete", r -> {
            models.delete(r.required("name"));
            return MlflowJson.object();
        });
        routes.read("registered-models/get-latest-versions", this::latestVersions);
        routes.post("registered-models/alias", r -> {
            models.setAlias(r.required("name"), r.required("alias"), VersionRoutes.number(r));
            return MlflowJson.object();
        });
        routes.delete("registered-models/alias", r -> {
            models.deleteAlias(r.required("name"), r.required("alias"));
            return MlflowJson.object();
        });
        routes.get("registered-models/alias", r -> {
            String name = r.required("name");
            ObjectNode out = MlflowJson.object();
            out.set("model_version", MlflowJson.version(versions.get(name, models.versionOf(name, r.required("alias")))));
            return out;
        });
    }

    private ObjectNode search(MlflowRequest r) {
        int limit = r.limit("max_results", DEFAULT_MAX_RESULTS, MAX_RESULTS);
        long offset = PageToken.offset(r.string("page_token"));
        ObjectNode out = MlflowJson.object();
        List<StoredModel> found = models.search(r.string("filter"), r.strings("order_by"), limit + 1, offset);
        ArrayNode array = out.putArray("registered_models");
        PageToken.page(found, limit, offset, out).forEach(m -> array.add(view(m)));
        return out;
    }

    /** AI-DOS has no stages: every version is in stage None, and the latest one is the latest of None. */
    private ObjectNode latestVersions(MlflowRequest r) {
        String name = r.required("name");
        models.get(name);
        List<String> stages = r.strings("stages");
        ObjectNode out = MlflowJson.object();
        ArrayNode array = out.putArray("model_versions");
        if (stages.isEmpty() || stages.stream().anyMatch(s -> s.equalsIgnoreCase("None"))) {
            versions.latest(name).ifPresent(v -> array.add(MlflowJson.version(v)));
        }
        return out;
    }

    private ObjectNode view(StoredModel m) {
        return MlflowJson.model(m, versions.latest(m.name()).stream().toList());
    }

    private ObjectNode modelResponse(StoredModel m) {
        ObjectNode out = MlflowJson.object();
        out.set("registered_model", view(m));
        return out;
    }
}
