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
    private final String orgId;

    /** Sees and creates only the experiments of organization {@code orgId}. */
    ExperimentStore(Database db, String orgId) {
        this.db = db;
        this.orgId = orgId;
    }

    String orgId() {
        return orgId;
    }

    /** Inserts unless the name exists; true when this call created it. */
    boolean insertIfAbsent(String name) {
        long now = System.currentTimeMillis();
        return db.update("create experiment", "INSERT INTO experiments (org_id, name, lifecycle_stage, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", orgId, name, "active", now, now) > 0;
    }

    Optional<ExperimentRecord> findByName(String name) {
        return db.queryOne("get experiment", "SELECT " + COLUMNS + " FROM experiments WHERE org_id = ?"
                + " AND name = ? AND lifecycle_stage = ?", ExperimentStore::map, orgId, name, "active");
    }

    Optional<ExperimentRecord> findById(long id) {
        return db.queryOne("get experiment", "SELECT " + COLUMNS + " FROM experiments WHERE id = ? AND"
                + " org_id = ?", ExperimentStore::map, id, orgId);
    }

    List<ExperimentRecord> list() {
        return db.query("list experiments", "SELECT " + COLUMNS + " FROM experiments WHERE org_id = ? AND"
                + " lifecycle_stage = ? ORDER BY name", ExperimentStore::map, orgId, "active");
    }

    /** Those of {@code ids} that are experiments of this organization, in order. */
    List<Long> ownIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return ids;
        }
        Object[] params = new Object[ids.size() + 1];
        params[0] = orgId;
        for (int i = 0; i < ids.size(); i++) {
            params[i + 1] = ids.get(i);
        }
        java.util.Set<Long> own = new java.util.HashSet<>(db.query("check experiments", "SELECT id FROM experiments"
                + " WHERE org_id = ? AND id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                + ")", rs -> rs.getLong(1), params));
        return ids.stream().filter(own::contains).toList();
    }

    private static ExperimentRecord map(ResultSet rs) throws SQLException {
        return new ExperimentRecord(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)));
    }
}
