package io.aidos.core.internal.jobs;

import io.aidos.api.AiDosConfig;
import java.nio.file.Path;

/** The job queue on the embedded H2 store (several pools in one process). */
class H2JobQueueTest extends JobQueueTest {
    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        return AiDosConfig.builder().uri("local:" + tempDir.resolve("store")).build();
    }
}
