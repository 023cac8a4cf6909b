package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Experiment;
import io.aidos.api.Experiments;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.spi.Arguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Experiments} over HTTP. Arguments are checked here first, with the same rules as the server. */
final class RemoteExperiments implements Experiments {
    final Rest rest;
    final MetricBatcher metrics;

    RemoteExperiments(Rest rest, MetricBatcher metrics) {
        this.rest = rest;
        this.metrics = metrics;
    }

    @Override
    public Experiment create(String name) {
        return create(name, false);
    }

    @Override
    public Experiment getOrCreate(String name) {
        return create(name, true);
    }

    private Experiment create(String name, boolean ifAbsent) {
        Arguments.displayName("experiment name", name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("if_absent", ifAbsent);
        return experiment(rest.post(rest.url("experiments"), body));
    }

    @Override
    public Experiment get(String name) {
        Arguments.displayName("experiment name", name);
        return experiment(rest.get(rest.url("experiments").addQueryParameter("name", name)));
    }

    @Override
    public List<Experiment> list() {
        List<Experiment> out = new ArrayList<>();
        rest.get(rest.url("experiments")).forEach(n -> out.add(experiment(n)));
        return out;
    }

    @Override
    public Run getRun(String runId) {
        Arguments.runId(runId);
        return run(rest.get(rest.url("runs", runId)));
    }

    @Override
    public List<Run> searchRuns(RunQuery query) {
        Arguments.notNull("query", query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_names", query.experimentNames());
        body.put("filter", query.filter());
        body.put("order_by", query.orderBy());
        body.put("limit", query.limit());
        return runs(rest.post(rest.url("runs", "search"), body));
    }

    Experiment experiment(JsonNode n) {
        return new RemoteExperiment(this, n.get("id").asText(), n.get("name").asText(),
                Json.instant(n.get("created_at")));
    }

    Run run(JsonNode n) {
        return new RemoteRun(this, n);
    }

    List<Run> runs(JsonNode array) {
        List<Run> out = new ArrayList<>();
        array.forEach(n -> out.add(run(n)));
        return out;
    }
}
