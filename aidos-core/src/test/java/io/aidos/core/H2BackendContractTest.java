package io.aidos.core;

import io.aidos.api.AiDosConfig;
import io.aidos.api.contract.BackendContractTest;
import java.nio.file.Path;

/** The contract on the embedded default: {@code local:PATH}. */
class H2BackendContractTest extends BackendContractTest {
    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        return AiDosConfig.builder().uri("local:" + tempDir.resolve("store")).build();
    }
}
