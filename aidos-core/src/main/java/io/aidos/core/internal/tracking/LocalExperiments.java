package io.aidos.core.internal.tracking;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.Experiment;
import io.aidos.api.ExperimentNotFoundException;
import io.aidos.api.Experiments;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.core.internal.store.Database;
import io.aidos.spi.Arguments;
import java.util.List;

/** {@link Experiments} on the JDBC store. */
public final class LocalExperiments implements Experiments {
    private final Tracking tracking;

    /**
     * The experiments of organization {@code orgId}: the only ones this instance lists, finds and creates, and the
     * only ones whose runs {@link #getRun} and {@link #searchRuns} reach.
     */
    public LocalExperiments(Database db, BlobStore blobs, MetricWriter metrics, String orgId) {
        this.tracking = new Tracking(db, blobs, metrics, orgId);
    }

    /** The shared store access, for {@link ExperimentCatalog} and {@link RunCatalog}. */
    Tracking tracking() {
        return tracking;
    }

    @Override
    public Experiment create(String name) {
        Arguments.displayName("experiment name", name);
        if (!tracking.experiments.insertIfAbsent(name)) {
            throw new AlreadyExistsException("experiment", name);
        }
        return get(name);
    }

    @Override
    public Experiment getOrCreate(String name) {
        Arguments.displayName("experiment name", name);
        tracking.experiments.insertIfAbsent(name);
        return get(name);
    }

    @Override
    public Experiment get(String name) {
        Arguments.displayName("experiment name", name);
        return tracking.experiments.findByName(name).map(r -> (Experiment) new LocalExperiment(tracking, r))
                .orElseThrow(() -> new ExperimentNotFoundException(name));
    }

    @Override
    public List<Experiment> list() {
        return tracking.experiments.list().stream().map(r -> (Experiment) new LocalExperiment(tracking, r)).toList();
    }

    @Override
    public Run getRun(String runId) {
        Arguments.runId(runId);
        return new LocalRun(tracking, tracking.runs.get(runId));
    }

    @Override
    public List<Run> searchRuns(RunQuery query) {
        Arguments.notNull("query", query);
        List<Long> experimentIds = query.experimentNames().stream()
                .map(name -> tracking.experiments.findByName(name)
                        .orElseThrow(() -> new ExperimentNotFoundException(name)).id())
                .toList();
        List<String> ids = RunSearch.runIds(tracking.db, experimentIds, query);
        return tracking.runs.getAll(ids).stream().map(r -> (Run) new LocalRun(tracking, r)).toList();
    }
}
