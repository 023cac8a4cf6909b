package io.aidos.core.internal.tracking;

import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.core.internal.store.Database;

/** What runs and experiments of one organization need from the store, created once per organization view. */
final class Tracking {
    final Database db;
    final BlobStore blobs;
    final MetricWriter metrics;
    final RunStore runs;
    final ExperimentStore experiments;

    Tracking(Database db, BlobStore blobs, MetricWriter metrics, String orgId) {
        this.db = db;
        this.blobs = blobs;
        this.metrics = metrics;
        this.runs = new RunStore(db, orgId);
        this.experiments = new ExperimentStore(db, orgId);
    }
}
