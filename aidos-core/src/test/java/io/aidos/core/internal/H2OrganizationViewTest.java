package io.aidos.core.internal;

import io.aidos.api.AiDosConfig;
import java.nio.file.Path;

/** Organization views on the embedded H2 store. */
class H2OrganizationViewTest extends OrganizationViewTest {
    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        return AiDosConfig.builder().uri("local:" + tempDir.resolve("store")).build();
    }
}
