package io.aidos.core.internal.registry;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.ModelNotFoundException;
import io.aidos.core.internal.search.FieldFilter;
import io.aidos.core.internal.search.FieldFilter.Field;
import io.aidos.core.internal.search.SqlQuery;
import io.aidos.core.internal.store.Database;
import io.aidos.spi.Arguments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registered models with what MLflow adds to AI-DOS's view of them: creating a model without versions, a
 * description, deleting a model (with its versions and aliases) and searching. Versions are in
 * {@link VersionCatalog}. The {@link io.aidos.api.Models} API sees the same rows. Sees one organization's models.
 */
public final class ModelCatalog {
    private static final String COLUMNS = "m.id, m.name, m.description, m.created_at, m.updated_at";
    private static final Map<String, Field> FIELDS = Map.of(
            "name", new Field("m.name", false),
            "creation_timestamp", new Field("m.created_at", true),
            "last_updated_timestamp", new Field("m.updated_at", true));

    private final ModelStore store;
    private final Database db;
    private final String orgId;

    public ModelCatalog(LocalModels models) {
        this.store = models.store();
        this.db = store.db();
        this.orgId = store.orgId();
    }

    /** Creates a model with no versions; {@link AlreadyExistsException} if the name is taken. */
    public StoredModel create(String name, String description) {
        Arguments.identifier("name", name);
        Arguments.text("description", description);
        long now = System.currentTimeMillis();
        if (db.update("create model", "INSERT INTO registered_models (org_id, name, description, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", orgId, name, description, now, now) == 0) {
            throw new AlreadyExistsException("registered model", name);
        }
        return get(name);
    }

    public Optional<StoredModel> find(String name) {
        return withAliases(db.query("get model", "SELECT " + COLUMNS + " FROM registered_models m WHERE m.org_id = ?"
                + " AND m.name = ?", ModelCatalog::map, orgId, name)).stream().findFirst();
    }

    /** The model, or {@link ModelNotFoundException}. */
    public StoredModel get(String name) {
        return find(name).orElseThrow(() -> new ModelNotFoundException(String.valueOf(name),
                "registered model '" + name + "' not found"));
    }

    /** Sets the description (null clears it). */
    public StoredModel updateDescription(String name, String description) {
        Arguments.text("description", description);
        StoredModel model = get(name);
        db.update("update model", "UPDATE registered_models SET description = ?, updated_at = ? WHERE id = ?",
                description, System.currentTimeMillis(), model.id());
        return get(name);
    }

    /** Deletes the model with all its versions and aliases. */
    public void delete(String name) {
        StoredModel model = get(name);
        db.inTransaction("delete model", c -> {
            Database.update(c, "DELETE FROM model_aliases WHERE model_id = ?", model.id());
            Database.update(c, "DELETE FROM model_versions WHERE model_id = ?", model.id());
            Database.update(c, "DELETE FROM registered_models WHERE id = ?", model.id());
            return null;
        });
    }

    /** Models matching {@code filter} (over name and times), by {@code orderBy} (default name), paged. */
    public List<StoredModel> search(String filter, List<String> orderBy, int limit, long offset) {
        SqlQuery where = FieldFilter.where("filter", filter, FIELDS, null);
        List<Object> params = new ArrayList<>();
        params.add(orgId);
        params.addAll(where.params());
        params.add(limit);
        params.add(offset);
        String sql = "SELECT " + COLUMNS + " FROM registered_models m WHERE m.org_id = ?" + where.sql()
                + FieldFilter.orderBy("orderBy", orderBy, FIELDS, "m.name ASC") + " LIMIT ? OFFSET ?";
        return withAliases(db.query("search models", sql, ModelCatalog::map, params.toArray()));
    }

    /** Points {@code alias} at a live version (moving it if set). */
    public void setAlias(String name, String alias, int version) {
        model(name).setAlias(alias, version);
        touch(name);
    }

    /** Removes an alias; {@link ModelNotFoundException} if it is not set. */
    public void deleteAlias(String name, String alias) {
        model(name).deleteAlias(alias);
        touch(name);
    }

    /** The version number an alias points at, or {@link ModelNotFoundException}. */
    public int versionOf(String name, String alias) {
        return model(name).byAlias(alias).version();
    }

    private LocalRegisteredModel model(String name) {
        StoredModel model = get(name);
        return new LocalRegisteredModel(store, new ModelRecord(model.id(), model.name(),
                Instant.ofEpochMilli(model.createdAt())));
    }

    private void touch(String name) {
        db.update("update model", "UPDATE registered_models SET updated_at = ? WHERE org_id = ? AND name = ?",
                System.currentTimeMillis(), orgId, name);
    }

    private List<StoredModel> withAliases(List<StoredModel> models) {
        return models.stream().map(m -> {
            Map<String, Integer> aliases = new LinkedHashMap<>();
            db.query("list aliases", "SELECT alias, version FROM model_aliases WHERE model_id = ? ORDER BY alias",
                    a -> aliases.put(a.getString(1), a.getInt(2)), m.id());
            return new StoredModel(m.id(), m.name(), m.description(), m.createdAt(), m.updatedAt(), aliases);
        }).toList();
    }

    private static StoredModel map(ResultSet rs) throws SQLException {
        return new StoredModel(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), Map.of());
    }
}
