package io.aidos.core.internal.tracking;

import io.aidos.core.internal.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for experiments. */
final class ExperimentStore {
    private static final String COLUMNS = "id, name, created_at";
    private final Database db;

    ExperimentStore(Database db) {
        this.db = db;
    }

    /** Inserts unless the name exists; true when this call created it. */
    boolean insertIfAbsent(String name) {
        long now = System.currentTimeMillis();
        return db.update("create experiment", "INSERT INTO experiments (name, lifecycle_stage, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", name, "active", now, now) > 0;
    }

    Optional<ExperimentRecord> findByName(String name) {
        return db.queryOne("get experiment", "SELECT " + COLUMNS + " FROM experiments WHERE name = ?"
                + " AND lifecycle_stage = ?", ExperimentStore::map, name, "active");
    }

    Optional<ExperimentRecord> findById(long id) {
        return db.queryOne("get experiment", "SELECT " + COLUMNS + " FROM experiments WHERE id = ?",
                ExperimentStore::map, id);
    }

    List<ExperimentRecord> list() {
        return db.query("list experiments", "SELECT " + COLUMNS + " FROM experiments WHERE lifecycle_stage = ?"
                + " ORDER BY name", ExperimentStore::map, "active");
    }

    private static ExperimentRecord map(ResultSet rs) throws SQLException {
        return new ExperimentRecord(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)));
    }
}
