package io.aidos.core.internal.registry;

import io.aidos.api.ModelVersion;
import io.aidos.core.internal.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL for the registered models of one organization, their versions and aliases. Versions and aliases are reached
 * through a model found here, so they belong to the same organization.
 */
final class ModelStore {
    static final String VERSION_COLUMNS = "m.name, v.version, v.run_id, v.artifact_path, v.created_at";
    private final Database db;
    private final String orgId;

    ModelStore(Database db, String orgId) {
        this.db = db;
        this.orgId = orgId;
    }

    Database db() {
        return db;
    }

    String orgId() {
        return orgId;
    }

    /** Creates the model row if needed and returns its id. */
    long ensureModel(Connection c, String name) throws SQLException {
        long now = System.currentTimeMillis();
        Database.update(c, "INSERT INTO registered_models (org_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", orgId, name, now, now);
        return modelId(c, name, true).orElseThrow();
    }

    /** The model's id; {@code lock} takes a row lock so concurrent registrations number versions one by one. */
    Optional<Long> modelId(Connection c, String name, boolean lock) throws SQLException {
        List<Long> ids = Database.query(c, "SELECT id FROM registered_models WHERE org_id = ? AND name = ?"
                + (lock ? " FOR UPDATE" : ""), rs -> rs.getLong(1), orgId, name);
        return ids.stream().findFirst();
    }

    /** Whether {@code runId} is a run of this organization (any lifecycle stage). */
    boolean ownsRun(Connection c, String runId) throws SQLException {
        return !Database.query(c, "SELECT 1 FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE"
                + " r.run_id = ? AND e.org_id = ?", rs -> 1, runId, orgId).isEmpty();
    }

    Optional<ModelRecord> find(String name) {
        return db.queryOne("get model", "SELECT id, name, created_at FROM registered_models WHERE org_id = ? AND"
                + " name = ?", rs -> new ModelRecord(rs.getLong(1), rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3))), orgId, name);
    }

    List<ModelRecord> list() {
        return db.query("list models", "SELECT id, name, created_at FROM registered_models WHERE org_id = ?"
                + " ORDER BY name", rs -> new ModelRecord(rs.getLong(1), rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3))), orgId);
    }

    List<ModelVersion> versions(long modelId) {
        return db.query("list model versions", "SELECT " + VERSION_COLUMNS + " FROM model_versions v JOIN"
                + " registered_models m ON m.id = v.model_id WHERE v.model_id = ? AND v.deleted_at IS NULL"
                + " ORDER BY v.version",
                ModelStore::mapVersion, modelId);
    }

    Optional<ModelVersion> version(long modelId, int version) {
        return db.queryOne("get model version", "SELECT " + VERSION_COLUMNS + " FROM model_versions v JOIN"
                + " registered_models m ON m.id = v.model_id WHERE v.model_id = ? AND v.version = ?"
                + " AND v.deleted_at IS NULL",
                ModelStore::mapVersion, modelId, version);
    }

    static ModelVersion mapVersion(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
