package io.aidos.core.internal;

import io.aidos.core.internal.registry.LocalModels;
import io.aidos.core.internal.registry.ModelCatalog;
import io.aidos.core.internal.registry.VersionCatalog;
import io.aidos.core.internal.tracking.ExperimentCatalog;
import io.aidos.core.internal.tracking.LocalExperiments;
import io.aidos.core.internal.tracking.RunCatalog;
import io.aidos.core.internal.tracking.RunValues;

/**
 * The store as the MLflow-compatible API sees it: what MLflow has and the public API does not (lifecycle stages,
 * experiment tags, renames, descriptions, deletes, paged searches) over the same tables. Internal: only the
 * server uses it. Obtained from {@link LocalAiDos#catalogs()}.
 */
public final class Catalogs {
    private final ExperimentCatalog experiments;
    private final RunCatalog runs;
    private final RunValues values;
    private final ModelCatalog models;
    private final VersionCatalog versions;

    Catalogs(LocalExperiments experiments, LocalModels models) {
        this.experiments = new ExperimentCatalog(experiments);
        this.runs = new RunCatalog(experiments);
        this.values = new RunValues(experiments, runs);
        this.models = new ModelCatalog(models);
        this.versions = new VersionCatalog(models);
    }

    public ExperimentCatalog experiments() {
        return experiments;
    }

    public RunCatalog runs() {
        return runs;
    }

    public RunValues values() {
        return values;
    }

    public ModelCatalog models() {
        return models;
    }

    public VersionCatalog versions() {
        return versions;
    }
}
