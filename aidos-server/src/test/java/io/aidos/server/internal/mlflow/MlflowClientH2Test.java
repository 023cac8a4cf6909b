package io.aidos.server.internal.mlflow;

import io.aidos.api.AiDosConfig;
import java.nio.file.Path;

/** The MLflow client tests on the embedded H2 store. */
class MlflowClientH2Test extends MlflowClientContract {
    @Override
    protected AiDosConfig freshStore(Path tempDir) {
        return AiDosConfig.builder().uri("local:" + tempDir.resolve("store")).build();
    }
}
