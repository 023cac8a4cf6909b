package io.aidos.core.internal.tracking;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.ExperimentNotFoundException;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.search.FieldFilter;
import io.aidos.core.internal.search.FieldFilter.Field;
import io.aidos.core.internal.search.SqlQuery;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Upserts;
import io.aidos.spi.Arguments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Experiments with what MLflow adds to AI-DOS's view of them: lifecycle stages (delete and restore, which take
 * the experiment's runs along), renaming, tags and searching. Used by the server's MLflow API; the
 * {@link io.aidos.api.Experiments} API sees the same rows (active ones only). Sees one organization's experiments.
 */
public final class ExperimentCatalog {
    /** MLflow's default experiment, created on first use. */
    public static final long DEFAULT_ID = 0;
    public static final String DEFAULT_NAME = "Default";
    private static final String LOCAL_ORG = "local";
    private static final String COLUMNS = "e.id, e.name, e.lifecycle_stage, e.created_at, e.updated_at";
    private static final Map<String, Field> FIELDS = Map.of(
            "name", new Field("e.name", false),
            "experiment_id", new Field("e.id", true),
            "creation_time", new Field("e.created_at", true),
            "last_update_time", new Field("e.updated_at", true));
    private static final String TAG_EXISTS = "EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.id"
            + " AND t.tag_key = ? AND t.tag_value";

    private final Database db;
    private final String orgId;

    /** The experiments of the organization {@code experiments} belongs to. */
    public ExperimentCatalog(LocalExperiments experiments) {
        this.db = experiments.tracking().db;
        this.orgId = experiments.tracking().experiments.orgId();
    }

    /** Creates an active experiment with tags; {@link AlreadyExistsException} if the name is taken in any stage. */
    public long create(String name, Map<String, String> tags) {
        Arguments.displayName("experiment name", name);
        tags.forEach(ExperimentCatalog::checkTag);
        return db.inTransaction("create experiment", c -> {
            long now = System.currentTimeMillis();
            if (Database.update(c, "INSERT INTO experiments (org_id, name, lifecycle_stage, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", orgId, name, Lifecycle.ACTIVE, now, now) == 0) {
                throw new AlreadyExistsException("experiment", name);
            }
            long id = Database.query(c, "SELECT id FROM experiments WHERE org_id = ? AND name = ?", rs -> rs.getLong(1),
                    orgId, name).get(0);
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                Database.update(c, "INSERT INTO experiment_tags (experiment_id, tag_key, tag_value) VALUES (?, ?, ?)",
                        id, tag.getKey(), tag.getValue());
            }
            return id;
        });
    }

    /**
     * Creates MLflow's {@code Default} experiment unless it exists: id 0 in the {@code local} organization, as in
     * MLflow; in any other organization an experiment named {@code Default} with an id of its own (id 0 is
     * {@code local}'s, and ids are global).
     */
    public void ensureDefault() {
        long now = System.currentTimeMillis();
        if (orgId.equals(LOCAL_ORG)) {
            db.update("create default experiment", "INSERT INTO experiments (id, org_id, name, lifecycle_stage,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", DEFAULT_ID, orgId,
                    DEFAULT_NAME, Lifecycle.ACTIVE, now, now);
        } else {
            db.update("create default experiment", "INSERT INTO experiments (org_id, name, lifecycle_stage,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", orgId, DEFAULT_NAME,
                    Lifecycle.ACTIVE, now, now);
        }
    }

    /** The id of this organization's {@code Default} experiment (creating it if needed). */
    public long defaultId() {
        ensureDefault();
        return byName(DEFAULT_NAME).orElseThrow().id();
    }

    public Optional<StoredExperiment> byId(long id) {
        return withTags(db.query("get experiment", "SELECT " + COLUMNS + " FROM experiments e WHERE e.id = ? AND"
                + " e.org_id = ?", ExperimentCatalog::map, id, orgId)).stream().findFirst();
    }

    public Optional<StoredExperiment> byName(String name) {
        return withTags(db.query("get experiment", "SELECT " + COLUMNS + " FROM experiments e WHERE e.name = ? AND"
                + " e.org_id = ?", ExperimentCatalog::map, name, orgId)).stream().findFirst();
    }

    /** The experiment, or {@link ExperimentNotFoundException}. */
    public StoredExperiment get(long id) {
        return byId(id).orElseThrow(() -> new ExperimentNotFoundException(Long.toString(id),
                "no experiment with id " + id));
    }

    /**
     * Experiments in {@code stages} matching {@code filter} (over name, creation_time, last_update_time and tags),
     * ordered by {@code orderBy} (default {@code last_update_time DESC}, ties by id), {@code limit} from
     * {@code offset}.
     */
    public List<StoredExperiment> search(String filter, List<String> orderBy, List<String> stages, int limit,
                                         long offset) {
        SqlQuery where = FieldFilter.where("filter", filter, FIELDS, TAG_EXISTS);
        List<String> order = orderBy == null || orderBy.isEmpty() ? List.of("last_update_time DESC") : orderBy;
        List<Object> params = new ArrayList<>();
        params.add(orgId);
        params.addAll(stages);
        params.addAll(where.params());
        params.add(limit);
        params.add(offset);
        String sql = "SELECT " + COLUMNS + " FROM experiments e WHERE e.org_id = ? AND e.lifecycle_stage IN ("
                + String.join(", ", Collections.nCopies(stages.size(), "?")) + ")" + where.sql()
                + FieldFilter.orderBy("orderBy", order, FIELDS, "e.id ASC") + " LIMIT ? OFFSET ?";
        return withTags(db.query("search experiments", sql, ExperimentCatalog::map, params.toArray()));
    }

    /** Renames; {@link AlreadyExistsException} if another experiment has the name. */
    public void rename(long id, String newName) {
        Arguments.displayName("new_name", newName);
        get(id);
        if (byName(newName).filter(e -> e.id() != id).isPresent()) {
            throw new AlreadyExistsException("experiment", newName);
        }
        db.update("rename experiment", "UPDATE experiments SET name = ?, updated_at = ? WHERE id = ?", newName,
                System.currentTimeMillis(), id);
    }

    /** Marks an active experiment and its runs deleted. */
    public void delete(long id) {
        if (id == DEFAULT_ID) {
            throw new InvalidInputException("experiment_id", id, "names the default experiment, which cannot be"
                    + " deleted");
        }
        if (!get(id).lifecycleStage().equals(Lifecycle.ACTIVE)) {
            throw new ExperimentNotFoundException(Long.toString(id), "no active experiment with id " + id);
        }
        moveStage(id, Lifecycle.ACTIVE, Lifecycle.DELETED);
    }

    /** Makes a deleted experiment and its deleted runs active again. */
    public void restore(long id) {
        if (!get(id).lifecycleStage().equals(Lifecycle.DELETED)) {
            throw new InvalidInputException("experiment_id", id, "names an active experiment; only a deleted one can"
                    + " be restored");
        }
        moveStage(id, Lifecycle.DELETED, Lifecycle.ACTIVE);
    }

    private void moveStage(long id, String from, String to) {
        db.inTransaction("change experiment lifecycle", c -> {
            Database.update(c, "UPDATE experiments SET lifecycle_stage = ?, updated_at = ? WHERE id = ?", to,
                    System.currentTimeMillis(), id);
            Database.update(c, "UPDATE runs SET lifecycle_stage = ? WHERE experiment_id = ? AND lifecycle_stage = ?",
                    to, id, from);
            return null;
        });
    }

    /** Sets (or overwrites) a tag of an active experiment. */
    public void setTag(long id, String key, String value) {
        checkTag(key, value);
        if (!get(id).lifecycleStage().equals(Lifecycle.ACTIVE)) {
            throw new InvalidInputException("experiment_id", id, "names a deleted experiment; restore it first");
        }
        db.withConnection("set experiment tag", c -> {
            Upserts.upsert(c, "UPDATE experiment_tags SET tag_value = ? WHERE experiment_id = ? AND tag_key = ?",
                    new Object[] {value, id, key},
                    "INSERT INTO experiment_tags (experiment_id, tag_key, tag_value) VALUES (?, ?, ?)",
                    new Object[] {id, key, value});
            Database.update(c, "UPDATE experiments SET updated_at = ? WHERE id = ?", System.currentTimeMillis(), id);
            return null;
        });
    }

    private static void checkTag(String key, String value) {
        Arguments.key("tag key", key);
        Arguments.value("tag value", value, Arguments.MAX_TAG_VALUE_LENGTH);
    }

    private List<StoredExperiment> withTags(List<StoredExperiment> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Map<String, String>> tags = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(rows.size(), "?"));
        db.query("read experiment tags", "SELECT experiment_id, tag_key, tag_value FROM experiment_tags WHERE"
                        + " experiment_id IN (" + marks + ") ORDER BY tag_key",
                rs -> tags.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                        rs.getString(3)), rows.stream().map(StoredExperiment::id).toArray());
        return rows.stream().map(e -> new StoredExperiment(e.id(), e.name(), e.lifecycleStage(), e.createdAt(),
                e.updatedAt(), tags.getOrDefault(e.id(), Map.of()))).toList();
    }

    private static StoredExperiment map(ResultSet rs) throws SQLException {
        return new StoredExperiment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                Map.of());
    }
}
