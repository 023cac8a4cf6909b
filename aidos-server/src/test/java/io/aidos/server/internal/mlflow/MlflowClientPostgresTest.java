package io.aidos.server.internal.mlflow;

import io.aidos.api.AiDosConfig;
import io.aidos.core.TestPostgres;
import java.nio.file.Path;

/** The MLflow client tests on PostgreSQL, in a fresh schema (skipped without PostgreSQL, except on CI). */
class MlflowClientPostgresTest extends MlflowClientContract {
    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        TestPostgres.assumeAvailable();
        return TestPostgres.freshStore(tempDir);
    }

    @Override
    protected void dropStore(AiDosConfig config) {
        TestPostgres.dropSchemaOf(config);
    }
}
