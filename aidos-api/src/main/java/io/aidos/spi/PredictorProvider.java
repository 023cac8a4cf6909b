package io.aidos.spi;

import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;

import java.nio.file.Path;

/**
 * Loads models of one or more formats ("flavors", as MLflow calls them: {@code tribuo}, {@code djl}, {@code onnx},
 * {@code torchscript}), found with {@link java.util.ServiceLoader}. {@code directory} holds the model's files as
 * registered, including its {@code aidos-model.json} descriptor; {@code cacheFolder} is the store's cache folder, for
 * libraries that unpack native code (DJL).
 */
public interface PredictorProvider {

    String name();

    boolean supports(String flavor);

    Predictor load(String flavor, Path directory, Path cacheFolder, ModelVersion version);
}
