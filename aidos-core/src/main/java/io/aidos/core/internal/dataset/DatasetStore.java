package io.aidos.core.internal.dataset;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.core.internal.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for datasets and their versions. */
final class DatasetStore {
    private static final String VERSION_COLUMNS = "d.name, v.version, v.message, v.created_at, v.schema_json,"
            + " v.row_count, v.content_hash, v.size_bytes, v.stats_json, v.blob_sha256";
    final Database db;
    final BlobStore blobs;
    private final String orgId;

    /** Sees and creates only the datasets of organization {@code orgId}. */
    DatasetStore(Database db, BlobStore blobs, String orgId) {
        this.db = db;
        this.blobs = blobs;
        this.orgId = orgId;
    }

    record DatasetRecord(long id, String name, String description, Instant createdAt) {
    }

    Optional<DatasetRecord> find(String name) {
        return db.queryOne("get dataset", "SELECT id, name, description, created_at FROM datasets WHERE org_id = ?"
                + " AND name = ?", DatasetStore::mapDataset, orgId, name);
    }

    List<DatasetRecord> list() {
        return db.query("list datasets", "SELECT id, name, description, created_at FROM datasets WHERE org_id = ?"
                + " ORDER BY name", DatasetStore::mapDataset, orgId);
    }

    List<LocalDatasetVersion> versions(long datasetId) {
        return db.query("list dataset versions", "SELECT " + VERSION_COLUMNS + " FROM dataset_versions v JOIN datasets d"
                + " ON d.id = v.dataset_id WHERE v.dataset_id = ? ORDER BY v.version", this::mapVersion, datasetId);
    }

    Optional<LocalDatasetVersion> version(long datasetId, int version) {
        return db.queryOne("get dataset version", "SELECT " + VERSION_COLUMNS + " FROM dataset_versions v JOIN"
                + " datasets d ON d.id = v.dataset_id WHERE v.dataset_id = ? AND v.version = ?", this::mapVersion,
                datasetId, version);
    }

    /**
     * Records a stored encoding as the next version, in one transaction: creating the dataset when
     * {@code create} (AlreadyExistsException if the name is taken), else locking it so concurrent commits
     * number versions one by one.
     */
    int commit(String name, boolean create, String description, EncodedDataset data, String message) {
        return db.inTransaction("commit dataset version", c -> {
            long now = System.currentTimeMillis();
            if (create && Database.update(c, "INSERT INTO datasets (org_id, name, description, created_at) VALUES"
                    + " (?, ?, ?, ?) ON CONFLICT DO NOTHING", orgId, name, description, now) == 0) {
                throw new AlreadyExistsException("dataset", name);
            }
            List<Long> ids = Database.query(c, "SELECT id FROM datasets WHERE org_id = ? AND name = ? FOR UPDATE",
                    rs -> rs.getLong(1), orgId, name);
            if (ids.isEmpty()) {
                throw new DatasetNotFoundException(name);
            }
            int next = Database.query(c, "SELECT COALESCE(MAX(version), 0) + 1 FROM dataset_versions WHERE"
                    + " dataset_id = ?", rs -> rs.getInt(1), ids.get(0)).get(0);
            Database.update(c, "INSERT INTO dataset_versions (dataset_id, version, content_hash, row_count, size_bytes,"
                    + " schema_json, stats_json, message, created_at, blob_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ids.get(0), next, data.contentHash(), data.rowCount(), data.sizeBytes(),
                    DatasetJson.schema(data.schema()), DatasetJson.stats(data.stats()), message, now, data.fileSha256());
            return next;
        });
    }

    private static DatasetRecord mapDataset(ResultSet rs) throws SQLException {
        return new DatasetRecord(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    private LocalDatasetVersion mapVersion(ResultSet rs) throws SQLException {
        return new LocalDatasetVersion(blobs, rs.getString(1), rs.getInt(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), DatasetJson.schema(rs.getString(5)), rs.getLong(6),
                rs.getString(7), rs.getLong(8), DatasetJson.stats(rs.getString(9)), rs.getString(10));
    }
}
