package io.aidos.core.internal.jobs;

import io.aidos.api.AiDosConfig;
import io.aidos.core.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** The job queue on PostgreSQL, each worker on its own pool, claims with FOR UPDATE SKIP LOCKED. */
class PostgresJobQueueTest extends JobQueueTest {
    @BeforeAll
    static void requirePostgres() {
        TestPostgres.assumeAvailable();
    }

    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        return TestPostgres.freshStore(tempDir);
    }

    @Override
    protected void dropStore(AiDosConfig config) {
        TestPostgres.dropSchemaOf(config);
    }
}
