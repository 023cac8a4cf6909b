package io.aidos.core.internal.tracking;

import io.aidos.api.ArtifactInfo;
import io.aidos.api.ConflictException;
import io.aidos.api.RunNotFoundException;
import io.aidos.api.RunStatus;
import io.aidos.core.internal.artifact.Blob;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Upserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for runs, their params, tags and artifacts. Metrics go through {@link MetricWriter}. */
final class RunStore {
    private static final String RUN_COLUMNS = "run_id, experiment_id, run_name, status, start_time, end_time";
    /** Limits a query on {@code runs} to runs of this store's organization (bind the org id after the run's). */
    private static final String IN_ORG = " AND experiment_id IN (SELECT id FROM experiments WHERE org_id = ?)";
    private final Database db;
    private final String orgId;

    /** Finds only runs of experiments of organization {@code orgId}. */
    RunStore(Database db, String orgId) {
        this.db = db;
        this.orgId = orgId;
    }

    void insert(RunRecord run) {
        db.update("start run", "INSERT INTO runs (" + RUN_COLUMNS + ", lifecycle_stage) VALUES (?, ?, ?, ?, ?, ?, ?)",
                run.runId(), run.experimentId(), run.name(), run.status().name(), run.startTime().toEpochMilli(),
                null, "active");
    }

    Optional<RunRecord> find(String runId) {
        return db.queryOne("get run", "SELECT " + RUN_COLUMNS + " FROM runs WHERE run_id = ? AND lifecycle_stage = ?"
                + IN_ORG, RunStore::map, runId, "active", orgId);
    }

    RunRecord get(String runId) {
        return find(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /** Runs by id, in the order of {@code ids} (missing ids are skipped). */
    List<RunRecord> getAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, RunRecord> byId = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new java.util.ArrayList<>(chunk);
            params.add(orgId);
            for (RunRecord r : db.query("get runs", "SELECT " + RUN_COLUMNS + " FROM runs WHERE run_id IN (" + marks
                    + ")" + IN_ORG, RunStore::map, params.toArray())) {
                byId.put(r.runId(), r);
            }
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    List<RunRecord> listByExperiment(long experimentId) {
        return db.query("list runs", "SELECT " + RUN_COLUMNS + " FROM runs WHERE experiment_id = ? AND lifecycle_stage"
                + " = ? ORDER BY start_time DESC, run_id", RunStore::map, experimentId, "active");
    }

    void end(String runId, RunStatus status, Instant endTime) {
        int n = db.update("end run", "UPDATE runs SET status = ?, end_time = ? WHERE run_id = ?",
                status.name(), endTime.toEpochMilli(), runId);
        if (n == 0) {
            throw new RunNotFoundException(runId);
        }
    }

    /** Inserts a param; the same value again is a no-op, a different value is a {@link ConflictException}. */
    void logParam(String runId, String key, String value) {
        db.withConnection("log param", c -> {
            if (Database.update(c, "INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", runId, key, value) > 0) {
                return null;
            }
            List<String> existing = Database.query(c, "SELECT param_value FROM params WHERE run_id = ? AND"
                    + " param_key = ?", rs -> rs.getString(1), runId, key);
            if (existing.isEmpty()) {
                throw new RunNotFoundException(runId);
            }
            if (!existing.get(0).equals(value)) {
                throw new ConflictException("param '" + key + "' of run " + runId + " is already '"
                        + shorten(existing.get(0)) + "'; params are immutable, so it cannot become '"
                        + shorten(value) + "'");
            }
            return null;
        });
    }

    void setTag(String runId, String key, String value) {
        db.withConnection("set tag", c -> {
            Upserts.upsert(c, "UPDATE run_tags SET tag_value = ? WHERE run_id = ? AND tag_key = ?",
                    new Object[] {value, runId, key},
                    "INSERT INTO run_tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)",
                    new Object[] {runId, key, value});
            return null;
        });
    }

    Map<String, String> params(String runId) {
        return keyValues("SELECT param_key, param_value FROM params WHERE run_id = ? ORDER BY param_key", runId);
    }

    Map<String, String> tags(String runId) {
        return keyValues("SELECT tag_key, tag_value FROM run_tags WHERE run_id = ? ORDER BY tag_key", runId);
    }

    void putArtifact(String runId, String path, Blob blob) {
        db.withConnection("log artifact", c -> {
            Upserts.upsert(c, "UPDATE run_artifacts SET sha256 = ?, size_bytes = ?, created_at = ? WHERE run_id = ?"
                            + " AND path = ?",
                    new Object[] {blob.sha256(), blob.sizeBytes(), System.currentTimeMillis(), runId, path},
                    "INSERT INTO run_artifacts (run_id, path, sha256, size_bytes, created_at) VALUES (?, ?, ?, ?, ?)",
                    new Object[] {runId, path, blob.sha256(), blob.sizeBytes(), System.currentTimeMillis()});
            return null;
        });
    }

    List<ArtifactInfo> artifacts(String runId) {
        return db.query("list artifacts", "SELECT path, size_bytes, sha256 FROM run_artifacts WHERE run_id = ?"
                + " ORDER BY path", rs -> new ArtifactInfo(rs.getString(1), rs.getLong(2), rs.getString(3)), runId);
    }

    private Map<String, String> keyValues(String sql, String runId) {
        Map<String, String> out = new LinkedHashMap<>();
        db.query("read run", sql, rs -> out.put(rs.getString(1), rs.getString(2)), runId);
        return out;
    }

    private static RunRecord map(ResultSet rs) throws SQLException {
        long end = rs.getLong(6);
        Instant endTime = rs.wasNull() ? null : Instant.ofEpochMilli(end);
        return new RunRecord(rs.getString(1), rs.getLong(2), rs.getString(3), RunStatus.valueOf(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)), endTime);
    }

    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }
}
