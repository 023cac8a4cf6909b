package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.core.internal.tracking.ExperimentCatalog;
import io.aidos.core.internal.tracking.Lifecycle;
import io.aidos.core.internal.tracking.StoredExperiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code experiments/*}: create, get, get-by-name, search, update, delete, restore, set-experiment-tag. */
final class ExperimentRoutes {
    /** MLflow's default and largest page for experiment and run searches. */
    static final int DEFAULT_MAX_RESULTS = 1000;
    static final int MAX_RESULTS = 50_000;

    private final ExperimentCatalog experiments;

    ExperimentRoutes(ExperimentCatalog experiments) {
        this.experiments = experiments;
    }

    void register(MlflowRoutes routes) {
        routes.post("experiments/create", this::create);
        routes.read("experiments/get", r -> experimentResponse(experiments.get(id(r))));
        routes.read("experiments/get-by-name", this::getByName);
        routes.read("experiments/search", this::search);
        routes.post("experiments/update", r -> {
            experiments.rename(id(r), r.required("new_name"));
            return MlflowJson.object();
        });
        routes.post("experiments/delete", r -> {
            experiments.delete(id(r));
            return MlflowJson.object();
        });
        routes.post("experiments/restore", r -> {
            experiments.restore(id(r));
            return MlflowJson.object();
        });
        routes.post("experiments/set-experiment-tag", r -> {
            experiments.setTag(id(r), r.required("key"), valueOf(r));
            return MlflowJson.object();
        });
    }

    private ObjectNode create(MlflowRequest r) {
        String name = r.required("name");
        Map<String, String> tags = new LinkedHashMap<>();
        r.array("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        long id = experiments.create(name, tags);
        return MlflowJson.object().put("experiment_id", Long.toString(id));
    }

    private ObjectNode getByName(MlflowRequest r) {
        String name = r.required("experiment_name");
        if (name.equals(ExperimentCatalog.DEFAULT_NAME)) {
            experiments.ensureDefault();
        }
        return experimentResponse(experiments.byName(name).orElseThrow(() -> new MlflowException(
                MlflowException.RESOURCE_DOES_NOT_EXIST, 404, "Could not find experiment with name '" + name + "'")));
    }

    private ObjectNode search(MlflowRequest r) {
        int limit = r.limit("max_results", DEFAULT_MAX_RESULTS, MAX_RESULTS);
        long offset = PageToken.offset(r.string("page_token"));
        List<String> stages = stages(r.string("view_type"));
        if (stages.contains(Lifecycle.ACTIVE)) {
            experiments.ensureDefault();
        }
        ObjectNode out = MlflowJson.object();
        List<StoredExperiment> found = experiments.search(r.string("filter"), r.strings("order_by"), stages,
                limit + 1, offset);
        ArrayNode array = out.putArray("experiments");
        PageToken.page(found, limit, offset, out).forEach(e -> array.add(MlflowJson.experiment(e)));
        return out;
    }

    /**
     * The experiment_id field as a number; the default experiment is created when first asked for. {@code 0}, the
     * id MLflow clients use for it, means the caller's organization's {@code Default} experiment, whatever its id.
     */
    long id(MlflowRequest r) {
        String text = r.required("experiment_id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MlflowException(MlflowException.RESOURCE_DOES_NOT_EXIST, 404, "No Experiment with id=" + text
                    + " exists");
        }
        return id == ExperimentCatalog.DEFAULT_ID ? experiments.defaultId() : id;
    }

    static List<String> stages(String viewType) {
        List<String> stages = Lifecycle.stagesOf(viewType == null || viewType.isEmpty() ? "ACTIVE_ONLY" : viewType);
        if (stages == null) {
            throw MlflowException.invalid("Invalid view type '" + viewType + "': use ACTIVE_ONLY, DELETED_ONLY or ALL");
        }
        return stages;
    }

    static String valueOf(MlflowRequest r) {
        String value = r.string("value");
        if (value == null) {
            throw MlflowException.invalid("Missing value for required parameter 'value'. See the API docs for more"
                    + " information about request parameters.");
        }
        return value;
    }

    private static ObjectNode experimentResponse(StoredExperiment e) {
        ObjectNode out = MlflowJson.object();
        out.set("experiment", MlflowJson.experiment(e));
        return out;
    }
}
