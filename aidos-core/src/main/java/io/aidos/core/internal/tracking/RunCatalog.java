package io.aidos.core.internal.tracking;

import io.aidos.api.ExperimentNotFoundException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.RunNotFoundException;
import io.aidos.api.RunStatus;
import io.aidos.core.internal.search.RunSearchSql;
import io.aidos.core.internal.search.SqlQuery;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Ids;
import io.aidos.core.internal.store.Upserts;
import io.aidos.spi.Arguments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs with what MLflow adds to AI-DOS's view of them: runs in any lifecycle stage, delete and restore, updates
 * of status, end time and name by the client, and search with paging and view types. Logged values go through
 * {@link RunValues}. The {@link io.aidos.api.Experiments} API sees the same rows (active runs only). Sees only runs
 * of one organization's experiments: another organization's run id is not found.
 */
public final class RunCatalog {
    /** The tag MLflow keeps a run's name in as well. */
    public static final String RUN_NAME_TAG = "mlflow.runName";
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String COLUMNS = "run_id, experiment_id, run_name, status, start_time, end_time,"
            + " lifecycle_stage";

    private final Tracking tracking;
    private final Database db;

    public RunCatalog(LocalExperiments experiments) {
        this.tracking = experiments.tracking();
        this.db = tracking.db;
    }

    /**
     * Starts a RUNNING run in an active experiment. A null or blank name becomes {@code run-<8 hex digits>}; the name
     * is also set as the {@value #RUN_NAME_TAG} tag, as MLflow does.
     */
    public StoredRun create(long experimentId, String name, long startTime, Map<String, String> tags) {
        ExperimentRecord experiment = tracking.experiments.findById(experimentId)
                .orElseThrow(() -> new ExperimentNotFoundException(Long.toString(experimentId),
                        "no experiment with id " + experimentId));
        boolean active = !db.query("check experiment", "SELECT 1 FROM experiments WHERE id = ? AND lifecycle_stage = ?",
                rs -> 1, experiment.id(), Lifecycle.ACTIVE).isEmpty();
        if (!active) {
            throw new InvalidInputException("experiment_id", experimentId, "names a deleted experiment; restore it"
                    + " before starting runs in it");
        }
        String runId = Ids.newId();
        String runName = name == null || name.isBlank() ? "run-" + runId.substring(0, 8)
                : Arguments.displayName("run_name", name);
        tags.forEach(RunValues::checkTag);
        tracking.runs.insert(new RunRecord(runId, experimentId, runName, RunStatus.RUNNING,
                Instant.ofEpochMilli(startTime), null));
        tags.forEach((k, v) -> tracking.runs.setTag(runId, k, v));
        tracking.runs.setTag(runId, RUN_NAME_TAG, runName);
        return get(runId);
    }

    /** The run in any stage; empty for an unknown or malformed id. */
    public Optional<StoredRun> find(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            return Optional.empty();
        }
        return db.queryOne("get run", "SELECT " + COLUMNS + " FROM runs WHERE run_id = ? AND experiment_id IN"
                + " (SELECT id FROM experiments WHERE org_id = ?)", RunCatalog::map, runId,
                tracking.experiments.orgId());
    }

    /** The run in any stage, or {@link RunNotFoundException}. */
    public StoredRun get(String runId) {
        return find(runId).orElseThrow(() -> new RunNotFoundException(String.valueOf(runId),
                "run '" + runId + "' not found"));
    }

    /** The run, or {@link InvalidInputException} unless it is active (MLflow logs only to active runs). */
    public StoredRun getActive(String runId) {
        StoredRun run = get(runId);
        if (!run.lifecycleStage().equals(Lifecycle.ACTIVE)) {
            throw new InvalidInputException("run_id", runId, "names a deleted run; the run must be active");
        }
        return run;
    }

    /** Sets whichever of status, end time and name are not null; a new name also updates the name tag. */
    public StoredRun update(String runId, RunStatus status, Long endTime, String name) {
        StoredRun run = getActive(runId);
        if (name != null && !name.isBlank()) {
            Arguments.displayName("run_name", name);
        }
        String newName = name == null || name.isBlank() ? run.name() : name;
        db.inTransaction("update run", c -> {
            Database.update(c, "UPDATE runs SET status = ?, end_time = ?, run_name = ? WHERE run_id = ?",
                    (status == null ? run.status() : status).name(), endTime == null ? run.endTime() : endTime,
                    newName, runId);
            if (!newName.equals(run.name())) {
                Upserts.upsert(c, "UPDATE run_tags SET tag_value = ? WHERE run_id = ? AND tag_key = ?",
                        new Object[] {newName, runId, RUN_NAME_TAG},
                        "INSERT INTO run_tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)",
                        new Object[] {runId, RUN_NAME_TAG, newName});
            }
            return null;
        });
        if (status != null && status.isTerminal()) {
            tracking.metrics.release(runId);
        }
        return get(runId);
    }

    /** Marks a run deleted; it disappears from the AI-DOS API and from MLflow searches over active runs. */
    public void delete(String runId) {
        get(runId);
        db.update("delete run", "UPDATE runs SET lifecycle_stage = ? WHERE run_id = ?", Lifecycle.DELETED, runId);
    }

    /** Makes a deleted run active again. */
    public void restore(String runId) {
        get(runId);
        db.update("restore run", "UPDATE runs SET lifecycle_stage = ? WHERE run_id = ?", Lifecycle.ACTIVE, runId);
    }

    /**
     * Runs of the experiments in {@code stages} that match an MLflow filter, ordered by MLflow order-by clauses,
     * {@code limit} from {@code offset}; experiments of other organizations are ignored. See {@link io.aidos.core.internal.search} for the grammar.
     */
    public List<StoredRun> search(List<Long> experimentIds, String filter, List<String> orderBy, List<String> stages,
                                  int limit, long offset) {
        List<Long> own = tracking.experiments.ownIds(experimentIds);
        if (own.isEmpty()) {
            return List.of(); // another organization's experiments have no runs here
        }
        SqlQuery sql = RunSearchSql.build(own, filter, orderBy, limit, offset, stages);
        List<String> ids = db.query("search runs", sql.sql(), rs -> rs.getString(1), sql.params().toArray());
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private static StoredRun map(ResultSet rs) throws SQLException {
        long end = rs.getLong(6);
        Long endTime = rs.wasNull() ? null : end;
        return new StoredRun(rs.getString(1), rs.getLong(2), rs.getString(3), RunStatus.valueOf(rs.getString(4)),
                rs.getLong(5), endTime, rs.getString(7));
    }
}
