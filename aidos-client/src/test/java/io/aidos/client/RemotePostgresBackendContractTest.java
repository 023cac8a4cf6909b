package io.aidos.client;

import io.aidos.api.AiDosConfig;
import io.aidos.api.contract.BackendContractTest;
import io.aidos.core.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;

/** The contract through {@code http://}: a real server over a fresh PostgreSQL schema per test. */
class RemotePostgresBackendContractTest extends BackendContractTest {
    private static final Map<String, AiDosConfig> BACKENDS = new ConcurrentHashMap<>();

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.assumeAvailable();
    }

    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        AiDosConfig backend = TestPostgres.freshStore(tempDir);
        AiDosConfig client = ServedStore.serve(backend);
        BACKENDS.put(client.uri(), backend);
        return client;
    }

    @Override
    protected void dropStore(AiDosConfig config) {
        ServedStore.stop(config);
        AiDosConfig backend = BACKENDS.remove(config.uri());
        if (backend != null) {
            TestPostgres.dropSchemaOf(backend);
        }
    }
}
