package io.aidos.core.internal.tracking;

import io.aidos.api.Experiment;
import io.aidos.api.Run;
import io.aidos.api.RunStatus;
import io.aidos.core.internal.store.Ids;
import io.aidos.spi.Arguments;
import java.time.Instant;
import java.util.List;

/** An experiment of the JDBC store. */
final class LocalExperiment implements Experiment {
    private final Tracking tracking;
    private final ExperimentRecord record;

    LocalExperiment(Tracking tracking, ExperimentRecord record) {
        this.tracking = tracking;
        this.record = record;
    }

    @Override
    public String id() {
        return Long.toString(record.id());
    }

    @Override
    public String name() {
        return record.name();
    }

    @Override
    public Instant createdAt() {
        return record.createdAt();
    }

    @Override
    public Run startRun() {
        String id = Ids.newId();
        return start(id, "run-" + id.substring(0, 8));
    }

    @Override
    public Run startRun(String runName) {
        return start(Ids.newId(), Arguments.displayName("runName", runName));
    }

    private Run start(String runId, String name) {
        RunRecord run = new RunRecord(runId, record.id(), name, RunStatus.RUNNING, Instant.now(), null);
        tracking.runs.insert(run);
        return new LocalRun(tracking, run);
    }

    @Override
    public List<Run> runs() {
        return tracking.runs.listByExperiment(record.id()).stream()
                .map(r -> (Run) new LocalRun(tracking, r)).toList();
    }


    @Override
    public String toString() {
        return "Experiment{id=" + id() + ", name=" + name() + "}";
    }
}
