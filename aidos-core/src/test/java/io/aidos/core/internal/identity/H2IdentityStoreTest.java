package io.aidos.core.internal.identity;

import io.aidos.api.AiDosConfig;
import java.nio.file.Path;

/** Identity and access on the embedded H2 store. */
class H2IdentityStoreTest extends IdentityStoreTest {
    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        return AiDosConfig.builder().uri("local:" + tempDir.resolve("store")).build();
    }
}
