package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.core.internal.registry.StoredVersion;
import io.aidos.core.internal.registry.VersionCatalog;
import java.util.List;

/** {@code model-versions/*}: create, get, search, update, delete, get-download-uri. */
final class VersionRoutes {
    /** MLflow's default and largest page of model versions. */
    static final int DEFAULT_MAX_RESULTS = 10_000;
    static final int MAX_RESULTS = 200_000;

    private final VersionCatalog versions;

    VersionRoutes(VersionCatalog versions) {
        this.versions = versions;
    }

    void register(MlflowRoutes routes) {
        routes.post("model-versions/create", r -> versionResponse(versions.create(r.required("name"),
                r.required("source"), r.string("run_id"), r.string("description"))));
        routes.read("model-versions/get", r -> versionResponse(versions.get(r.required("name"), number(r))));
        routes.read("model-versions/search", this::search);
        routes.patch("model-versions/update", r -> versionResponse(versions.updateDescription(r.required("name"),
                number(r), r.string("description"))));
        routes.post("model-versions/update", r -> versionResponse(versions.updateDescription(r.required("name"),
                number(r), r.string("description"))));
        routes.delete("model-versions/delete", r -> {
            versions.delete(r.required("name"), number(r));
            return MlflowJson.object();
        });
        routes.read("model-versions/get-download-uri", r -> MlflowJson.object().put("artifact_uri",
                versions.get(r.required("name"), number(r)).source()));
    }

    private ObjectNode search(MlflowRequest r) {
        int limit = r.limit("max_results", DEFAULT_MAX_RESULTS, MAX_RESULTS);
        long offset = PageToken.offset(r.string("page_token"));
        ObjectNode out = MlflowJson.object();
        List<StoredVersion> found = versions.search(r.string("filter"), r.strings("order_by"), limit + 1, offset);
        ArrayNode array = out.putArray("model_versions");
        PageToken.page(found, limit, offset, out).forEach(v -> array.add(MlflowJson.version(v)));
        return out;
    }

    /** The version field, a decimal number sent as a string. */
    static int number(MlflowRequest r) {
        String text = r.required("version");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw MlflowException.invalid("Invalid model version '" + text + "': expected a whole number");
        }
    }

    private static ObjectNode versionResponse(StoredVersion v) {
        ObjectNode out = MlflowJson.object();
        out.set("model_version", MlflowJson.version(v));
        return out;
    }
}
