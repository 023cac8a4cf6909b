package io.aidos.core.internal.registry;

import io.aidos.api.ModelVersion;
import io.aidos.core.internal.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for registered models, versions and aliases. */
final class ModelStore {
    static final String VERSION_COLUMNS = "m.name, v.version, v.run_id, v.artifact_path, v.created_at";
    private final Database db;

    ModelStore(Database db) {
        this.db = db;
    }

    Database db() {
        return db;
    }

    /** Creates the model row if needed and returns its id. */
    static long ensureModel(Connection c, String name) throws SQLException {
        long now = System.currentTimeMillis();
        Database.update(c, "INSERT INTO registered_models (name, created_at, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", name, now, now);
        return modelId(c, name, true).orElseThrow();
    }

    /** The model's id; {@code lock} takes a row lock so concurrent registrations number versions one by one. */
    static Optional<Long> modelId(Connection c, String name, boolean lock) throws SQLException {
        List<Long> ids = Database.query(c, "SELECT id FROM registered_models WHERE name = ?" + (lock ? " FOR UPDATE" : ""),
                rs -> rs.getLong(1), name);
        return ids.stream().findFirst();
    }

    Optional<ModelRecord> find(String name) {
        return db.queryOne("get model", "SELECT id, name, created_at FROM registered_models WHERE name = ?",
                rs -> new ModelRecord(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))), name);
    }

    List<ModelRecord> list() {
        return db.query("list models", "SELECT id, name, created_at FROM registered_models ORDER BY name",
                rs -> new ModelRecord(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
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
