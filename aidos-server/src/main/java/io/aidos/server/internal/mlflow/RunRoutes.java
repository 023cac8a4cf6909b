package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.RunStatus;
import io.aidos.core.internal.Catalogs;
import io.aidos.core.internal.tracking.ExperimentCatalog;
import io.aidos.core.internal.tracking.RunCatalog;
import io.aidos.core.internal.tracking.StoredRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code runs/*} for whole runs: create, get, update, delete, restore, search. Logging is in {@link RunDataRoutes}. */
final class RunRoutes {
    private final Catalogs catalogs;
    private final RunCatalog runs;
    private final ExperimentRoutes experimentRoutes;

    RunRoutes(Catalogs catalogs, ExperimentRoutes experimentRoutes) {
        this.catalogs = catalogs;
        this.runs = catalogs.runs();
        this.experimentRoutes = experimentRoutes;
    }

    void register(MlflowRoutes routes) {
        routes.post("runs/create", this::create);
        routes.read("runs/get", r -> runResponse(runs.get(runId(r))));
        routes.post("runs/update", this::update);
        routes.post("runs/delete", r -> {
            runs.delete(runId(r));
            return MlflowJson.object();
        });
        routes.post("runs/restore", r -> {
            runs.restore(runId(r));
            return MlflowJson.object();
        });
        routes.read("runs/search", this::search);
    }

    private ObjectNode create(MlflowRequest r) {
        String experimentText = r.string("experiment_id");
        long experimentId = experimentText == null || experimentText.isEmpty() ? catalogs.experiments().defaultId()
                : experimentRoutes.id(r);
        Map<String, String> tags = new LinkedHashMap<>();
        r.array("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        String user = r.string("user_id");
        if (user != null && !user.isEmpty()) {
            tags.putIfAbsent("mlflow.user", user);
        }
        String name = r.string("run_name");
        if (name == null || name.isEmpty()) {
            name = tags.get(RunCatalog.RUN_NAME_TAG);
        }
        tags.remove(RunCatalog.RUN_NAME_TAG);
        StoredRun run = runs.create(experimentId, name, r.longValue("start_time", System.currentTimeMillis()), tags);
        return runResponse(run);
    }

    private ObjectNode update(MlflowRequest r) {
        String runId = runId(r);
        String statusText = r.string("status");
        RunStatus status = null;
        if (statusText != null && !statusText.isEmpty()) {
            try {
                status = RunStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                throw MlflowException.invalid("Invalid run status '" + statusText + "': use RUNNING, FINISHED, FAILED"
                        + " or KILLED (AI-DOS has no SCHEDULED runs)");
            }
        }
        String endText = r.string("end_time");
        Long endTime = endText == null || endText.isEmpty() ? null : r.longValue("end_time", 0);
        StoredRun run = runs.update(runId, status, endTime, r.string("run_name"));
        ObjectNode out = MlflowJson.object();
        out.set("run_info", MlflowJson.runInfo(run, catalogs.values().tags(runId).get("mlflow.user")));
        return out;
    }

    private ObjectNode search(MlflowRequest r) {
        List<Long> experimentIds = new ArrayList<>();
        for (String id : r.strings("experiment_ids")) {
            try {
                experimentIds.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw MlflowException.invalid("Invalid experiment id '" + id + "' in experiment_ids");
            }
        }
        int limit = r.limit("max_results", ExperimentRoutes.DEFAULT_MAX_RESULTS, ExperimentRoutes.MAX_RESULTS);
        long offset = PageToken.offset(r.string("page_token"));
        ObjectNode out = MlflowJson.object();
        ArrayNode array = out.putArray("runs");
        if (experimentIds.isEmpty()) {
            return out;
        }
        int fetch = Math.min(limit + 1, ExperimentRoutes.MAX_RESULTS);
        List<StoredRun> found = runs.search(experimentIds, r.string("filter") == null ? "" : r.string("filter"),
                r.strings("order_by"), ExperimentRoutes.stages(r.string("run_view_type")), fetch, offset);
        List<StoredRun> page = PageToken.page(found, limit, offset, out);
        if (found.size() == limit && limit == ExperimentRoutes.MAX_RESULTS) {
            out.put("next_page_token", PageToken.of(offset + limit)); // could not look one past a full page
        }
        page.forEach(run -> array.add(run(run)));
        return out;
    }

    ObjectNode run(StoredRun run) {
        return MlflowJson.run(run, catalogs.values().latestMetrics(run), catalogs.values().params(run),
                catalogs.values().tags(run));
    }

    private ObjectNode runResponse(StoredRun run) {
        ObjectNode out = MlflowJson.object();
        out.set("run", run(run));
        return out;
    }

    /** run_id, or the older run_uuid. */
    static String runId(MlflowRequest r) {
        return r.required("run_id", "run_uuid");
    }
}
