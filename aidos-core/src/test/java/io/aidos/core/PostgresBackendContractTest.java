package io.aidos.core;

import io.aidos.api.AiDosConfig;
import io.aidos.api.contract.BackendContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** The contract on PostgreSQL (127.0.0.1:5432/test), each test in a schema of its own. */
class PostgresBackendContractTest extends BackendContractTest {
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
