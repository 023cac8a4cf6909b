package io.aidos.core.internal.registry;

import io.aidos.api.Predictor;
import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.spi.Extensions;
import java.nio.file.Path;

import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Models;
import io.aidos.api.RegisteredModel;
import io.aidos.api.RunNotFoundException;
import io.aidos.core.internal.store.Database;
import io.aidos.spi.Arguments;
import java.util.List;

/** The model registry of one organization on the JDBC store. */
public final class LocalModels implements Models {
    private final ModelStore store;
    private final ModelFiles files;
    private final Path cacheRoot;

    /** The registry of organization {@code orgId}: versions may come only from that organization's runs. */
    public LocalModels(Database db, BlobStore blobs, Path cacheRoot, String orgId) {
        this.store = new ModelStore(db, orgId);
        this.files = new ModelFiles(db, blobs, cacheRoot);
        this.cacheRoot = cacheRoot;
    }

    /** The registry's SQL, for {@link ModelCatalog}. */
    ModelStore store() {
        return store;
    }

    @Override
    public ModelVersion register(String name, String runId, String artifactPath) {
        Arguments.identifier("model name", name);
        Arguments.runId(runId);
        Arguments.artifactPath("artifact path", artifactPath);
        return store.db().inTransaction("register model", c -> {
            if (!store.ownsRun(c, runId)) {
                throw new RunNotFoundException(runId);
            }
            // A file logged at exactly this path, or a folder of files logged below it.
            boolean present = !Database.query(c, "SELECT 1 FROM run_artifacts WHERE run_id = ? AND (path = ? OR"
                    + " (path > ? AND path < ?))", rs -> 1, runId, artifactPath, artifactPath + "/",
                    artifactPath + "0").isEmpty();
            if (!present) {
                throw new ArtifactNotFoundException(artifactPath, "run " + runId + " has no artifact at '"
                        + artifactPath + "' (log it with run.logArtifact before registering)");
            }
            long modelId = store.ensureModel(c, name);
            int next = Database.query(c, "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model_id = ?",
                    rs -> rs.getInt(1), modelId).get(0);
            long now = System.currentTimeMillis();
            Database.update(c, "INSERT INTO model_versions (model_id, version, run_id, artifact_path, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", modelId, next, runId, artifactPath, now);
            Database.update(c, "UPDATE registered_models SET updated_at = ? WHERE id = ?", now, modelId);
            return new ModelVersion(name, next, runId, artifactPath, java.time.Instant.ofEpochMilli(now));
        });
    }

    @Override
    public RegisteredModel get(String name) {
        Arguments.identifier("model name", name);
        return store.find(name).map(r -> (RegisteredModel) new LocalRegisteredModel(store, r))
                .orElseThrow(() -> new ModelNotFoundException(name));
    }

    @Override
    public boolean exists(String name) {
        Arguments.identifier("model name", name);
        return store.find(name).isPresent();
    }

    @Override
    public List<RegisteredModel> list() {
        return store.list().stream().map(r -> (RegisteredModel) new LocalRegisteredModel(store, r)).toList();
    }

    @Override
    public Predictor load(String name, String aliasOrVersion) {
        Arguments.identifier("aliasOrVersion", aliasOrVersion);
        RegisteredModel model = get(name);
        ModelVersion version = aliasOrVersion.chars().allMatch(Character::isDigit) && aliasOrVersion.length() < 10
                ? model.version(Integer.parseInt(aliasOrVersion))
                : model.byAlias(aliasOrVersion);
        return load(version);
    }

    @Override
    public Predictor load(ModelVersion version) {
        Arguments.notNull("version", version);
        // Only a version of this organization's registry: a ModelVersion value can be built by anyone.
        ModelVersion own = get(version.modelName()).version(version.version());
        if (!own.runId().equals(version.runId()) || !own.artifactPath().equals(version.artifactPath())) {
            throw new ModelNotFoundException(version.modelName(), "model " + version.modelName() + " version "
                    + version.version() + " is not the one registered");
        }
        Path folder = files.folder(version);
        String flavor = files.flavor(version, folder);
        return Extensions.predictors(flavor).load(flavor, folder, cacheRoot, version);
    }
}
