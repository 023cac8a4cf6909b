package io.aidos.training.internal.model;

import io.aidos.training.internal.algorithm.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;

/** Loads the models of one flavor back from their files. */
public interface ModelFormat {

    String flavor();

    /** Loads from {@code folder}; {@code cacheFolder} is where libraries may unpack native code. */
    TrainedModel load(Path folder, Path cacheFolder, ModelDescriptor descriptor) throws IOException;
}
