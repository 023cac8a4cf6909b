package io.aidos.client.internal;

import io.aidos.api.Experiment;
import io.aidos.api.Run;
import io.aidos.spi.Arguments;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An experiment of the remote store; its runs are read from the server when asked. */
final class RemoteExperiment implements Experiment {
    private final RemoteExperiments owner;
    private final String id;
    private final String name;
    private final Instant createdAt;

    RemoteExperiment(RemoteExperiments owner, String id, String name, Instant createdAt) {
        this.owner = owner;
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Run startRun() {
        return start(null);
    }

    @Override
    public Run startRun(String runName) {
        return start(Arguments.displayName("runName", runName));
    }

    private Run start(String runName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_name", name);
        body.put("run_name", runName);
        return owner.run(owner.rest.post(owner.rest.url("runs"), body));
    }

    @Override
    public List<Run> runs() {
        return owner.runs(owner.rest.get(owner.rest.url("runs").addQueryParameter("experiment", name)));
    }

    @Override
    public String toString() {
        return "Experiment{id=" + id + ", name=" + name + "}";
    }
}
