package io.aidos.core.internal.registry;

import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.RunNotFoundException;
import io.aidos.core.internal.search.FieldFilter;
import io.aidos.core.internal.search.FieldFilter.Field;
import io.aidos.core.internal.search.SqlQuery;
import io.aidos.core.internal.store.Database;
import io.aidos.spi.Arguments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model versions with what MLflow adds: creating one from a source URI (no artifact check), descriptions,
 * deleting (a soft delete: the number is never reused, and its aliases go) and searching. The
 * {@link io.aidos.api.Models} API sees the same live versions. Sees one organization's models.
 */
public final class VersionCatalog {
    private static final Pattern RUNS_URI = Pattern.compile("runs:/([0-9a-f]{32})/(.+)");
    private static final String COLUMNS = "m.name, v.version, v.run_id, v.source, v.artifact_path, v.description,"
            + " v.created_at, COALESCE(v.updated_at, v.created_at), m.id";
    /** Bind the organization's id first. */
    private static final String FROM = " FROM model_versions v JOIN registered_models m ON m.id = v.model_id"
            + " WHERE m.org_id = ? AND v.deleted_at IS NULL";
    private static final Map<String, Field> FIELDS = Map.of(
            "name", new Field("m.name", false),
            "run_id", new Field("v.run_id", false),
            "source_path", new Field("v.source", false),
            "version_number", new Field("v.version", true),
            "creation_timestamp", new Field("v.created_at", true),
            "last_updated_timestamp", new Field("COALESCE(v.updated_at, v.created_at)", true));

    private final ModelStore store;
    private final Database db;
    private final String orgId;

    public VersionCatalog(LocalModels models) {
        this.store = models.store();
        this.db = store.db();
        this.orgId = store.orgId();
    }

    /**
     * Adds the next version of an existing model. AI-DOS ties every version to a run, so {@code runId} is
     * required; the artifact path is {@code PATH} of a {@code runs:/<run id>/PATH} source, else what follows the
     * last {@code /artifacts/} in it, else {@code model}.
     */
    public StoredVersion create(String name, String source, String runId, String description) {
        Arguments.notNull("source", source);
        if (source.isBlank() || source.length() > Arguments.MAX_PATH_LENGTH) {
            throw new InvalidInputException("source", source, "must be 1 to " + Arguments.MAX_PATH_LENGTH
                    + " characters");
        }
        Arguments.text("description", description);
        if (runId == null || runId.isEmpty()) {
            throw new InvalidInputException("run_id", runId, "is required: every AI-DOS model version comes from a run");
        }
        String path = artifactPath(source);
        int version = db.inTransaction("create model version", c -> {
            Optional<Long> modelId = store.modelId(c, name, true);
            if (modelId.isEmpty()) {
                throw new ModelNotFoundException(name, "registered model '" + name + "' not found");
            }
            if (!store.ownsRun(c, runId)) {
                throw new RunNotFoundException(runId, "run '" + runId + "' not found");
            }
            int next = Database.query(c, "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model_id = ?",
                    rs -> rs.getInt(1), modelId.get()).get(0);
            long now = System.currentTimeMillis();
            Database.update(c, "INSERT INTO model_versions (model_id, version, run_id, artifact_path, description,"
                    + " created_at, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", modelId.get(), next, runId,
                    path, description, now, source, now);
            Database.update(c, "UPDATE registered_models SET updated_at = ? WHERE id = ?", now, modelId.get());
            return next;
        });
        return get(name, version);
    }

    static String artifactPath(String source) {
        Matcher runs = RUNS_URI.matcher(source);
        if (runs.matches()) {
            return Arguments.artifactPath("source", runs.group(2));
        }
        int at = source.lastIndexOf("/artifacts/");
        String path = at >= 0 ? source.substring(at + "/artifacts/".length()).replaceAll("/+$", "") : "";
        try {
            return Arguments.artifactPath("source", path);
        } catch (InvalidInputException notAPath) {
            return "model";
        }
    }

    public Optional<StoredVersion> find(String name, int version) {
        return withAliases(db.query("get model version", "SELECT " + COLUMNS + FROM + " AND m.name = ? AND"
                + " v.version = ?", VersionCatalog::map, orgId, name, version)).stream().findFirst();
    }

    /** The live version, or {@link ModelNotFoundException}. */
    public StoredVersion get(String name, int version) {
        return find(name, version).orElseThrow(() -> new ModelNotFoundException(String.valueOf(name),
                "model version (name=" + name + ", version=" + version + ") not found"));
    }

    /** The newest live version of the model, if it has one. */
    public Optional<StoredVersion> latest(String name) {
        return withAliases(db.query("get latest version", "SELECT " + COLUMNS + FROM + " AND m.name = ? ORDER BY"
                + " v.version DESC LIMIT 1", VersionCatalog::map, orgId, name)).stream().findFirst();
    }

    public StoredVersion updateDescription(String name, int version, String description) {
        Arguments.text("description", description);
        get(name, version);
        db.update("update model version", "UPDATE model_versions SET description = ?, updated_at = ? WHERE version = ?"
                + " AND model_id = (SELECT id FROM registered_models WHERE org_id = ? AND name = ?)", description,
                System.currentTimeMillis(), version, orgId, name);
        return get(name, version);
    }

    /** Deletes a live version and the aliases pointing at it. */
    public void delete(String name, int version) {
        StoredVersion v = get(name, version);
        db.inTransaction("delete model version", c -> {
            long modelId = store.modelId(c, v.modelName(), true).orElseThrow();
            long now = System.currentTimeMillis();
            Database.update(c, "DELETE FROM model_aliases WHERE model_id = ? AND version = ?", modelId, version);
            Database.update(c, "UPDATE model_versions SET deleted_at = ?, updated_at = ? WHERE model_id = ? AND"
                    + " version = ?", now, now, modelId, version);
            Database.update(c, "UPDATE registered_models SET updated_at = ? WHERE id = ?", now, modelId);
            return null;
        });
    }

    /** Live versions matching {@code filter} (name, run_id, source_path, version_number, times), paged. */
    public List<StoredVersion> search(String filter, List<String> orderBy, int limit, long offset) {
        SqlQuery where = FieldFilter.where("filter", filter, FIELDS, null);
        List<Object> params = new ArrayList<>();
        params.add(orgId);
        params.addAll(where.params());
        params.add(limit);
        params.add(offset);
        String sql = "SELECT " + COLUMNS + FROM + where.sql()
                + FieldFilter.orderBy("orderBy", orderBy, FIELDS, "m.name ASC, v.version DESC") + " LIMIT ? OFFSET ?";
        return withAliases(db.query("search model versions", sql, VersionCatalog::map, params.toArray()));
    }

    private List<StoredVersion> withAliases(List<StoredVersion> versions) {
        return versions.stream().map(v -> new StoredVersion(v.modelName(), v.version(), v.runId(), v.source(),
                v.artifactPath(), v.description(), v.createdAt(), v.updatedAt(), db.query("list aliases",
                "SELECT a.alias FROM model_aliases a JOIN registered_models m ON m.id = a.model_id WHERE m.org_id = ?"
                        + " AND m.name = ? AND a.version = ? ORDER BY a.alias", rs -> rs.getString(1), orgId,
                v.modelName(), v.version())))
                .toList();
    }

    private static StoredVersion map(ResultSet rs) throws SQLException {
        String runId = rs.getString(3);
        String path = rs.getString(5);
        String source = rs.getString(4) != null ? rs.getString(4) : "runs:/" + runId + "/" + path;
        return new StoredVersion(rs.getString(1), rs.getInt(2), runId, source, path, rs.getString(6), rs.getLong(7),
                rs.getLong(8), List.of());
    }
}
