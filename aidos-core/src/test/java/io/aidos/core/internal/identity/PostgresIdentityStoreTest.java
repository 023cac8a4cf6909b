package io.aidos.core.internal.identity;

import io.aidos.api.AiDosConfig;
import io.aidos.core.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** Identity and access on PostgreSQL, with the PL/pgSQL trigger guarding the audit log. */
class PostgresIdentityStoreTest extends IdentityStoreTest {
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
