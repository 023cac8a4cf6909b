package io.aidos.core.internal.registry;

import io.aidos.api.ModelNotFoundException;
import io.aidos.api.ModelVersion;
import io.aidos.api.RegisteredModel;
import io.aidos.core.internal.store.Upserts;
import io.aidos.spi.Arguments;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A registered model of the JDBC store; versions and aliases are read live. */
final class LocalRegisteredModel implements RegisteredModel {
    private final ModelStore store;
    private final ModelRecord record;

    LocalRegisteredModel(ModelStore store, ModelRecord record) {
        this.store = store;
        this.record = record;
    }

    @Override
    public String name() {
        return record.name();
    }

    @Override
    public Instant createdAt() {
        return record.createdAt();
    }

    @Override
    public List<ModelVersion> versions() {
        return store.versions(record.id());
    }

    @Override
    public ModelVersion version(int number) {
        return store.version(record.id(), number).orElseThrow(() -> new ModelNotFoundException(name(),
                "model '" + name() + "' has no version " + number));
    }

    @Override
    public ModelVersion latestVersion() {
        List<ModelVersion> all = versions();
        if (all.isEmpty()) {
            throw new ModelNotFoundException(name(), "model '" + name() + "' has no versions");
        }
        return all.get(all.size() - 1);
    }

    @Override
    public void setAlias(String alias, int version) {
        Arguments.identifier("alias", alias);
        version(version); // must exist
        store.db().withConnection("set alias", c -> {
            Upserts.upsert(c, "UPDATE model_aliases SET version = ? WHERE model_id = ? AND alias = ?",
                    new Object[] {version, record.id(), alias},
                    "INSERT INTO model_aliases (model_id, alias, version) VALUES (?, ?, ?)",
                    new Object[] {record.id(), alias, version});
            return null;
        });
    }

    @Override
    public void deleteAlias(String alias) {
        Arguments.identifier("alias", alias);
        if (store.db().update("delete alias", "DELETE FROM model_aliases WHERE model_id = ? AND alias = ?",
                record.id(), alias) == 0) {
            throw new ModelNotFoundException(name(), "model '" + name() + "' has no alias '" + alias + "'");
        }
    }

    @Override
    public ModelVersion byAlias(String alias) {
        Arguments.identifier("alias", alias);
        return store.db().queryOne("get alias", "SELECT " + ModelStore.VERSION_COLUMNS + " FROM model_aliases a"
                        + " JOIN model_versions v ON v.model_id = a.model_id AND v.version = a.version"
                        + " JOIN registered_models m ON m.id = a.model_id WHERE a.model_id = ? AND a.alias = ?",
                ModelStore::mapVersion, record.id(), alias)
                .orElseThrow(() -> new ModelNotFoundException(name(), "model '" + name() + "' has no alias '"
                        + alias + "'"));
    }

    @Override
    public Map<String, Integer> aliases() {
        Map<String, Integer> out = new LinkedHashMap<>();
        store.db().query("list aliases", "SELECT alias, version FROM model_aliases WHERE model_id = ? ORDER BY alias",
                rs -> out.put(rs.getString(1), rs.getInt(2)), record.id());
        return out;
    }

    @Override
    public String toString() {
        return "RegisteredModel{name=" + name() + "}";
    }
}
