package io.aidos.client;

import io.aidos.api.AiDosConfig;
import io.aidos.api.contract.BackendContractTest;
import java.nio.file.Path;

/** The contract through {@code http://}: a real server over a fresh embedded H2 store per test. */
class RemoteH2BackendContractTest extends BackendContractTest {
    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        return ServedStore.serve(AiDosConfig.builder().uri("local:" + tempDir.resolve("store")).build());
    }

    @Override
    protected void dropStore(AiDosConfig config) {
        ServedStore.stop(config);
    }
}
