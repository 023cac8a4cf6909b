package io.aidos.core.internal;

import io.aidos.api.AiDosConfig;
import io.aidos.core.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** Organization views on PostgreSQL, each test in a schema of its own. */
class PostgresOrganizationViewTest extends OrganizationViewTest {
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
