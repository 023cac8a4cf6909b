package io.aidos.training.internal.model;

import io.aidos.training.internal.algorithm.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;

/** Loads the models of one flavor back from their files. */
public interface ModelFormat {

    String flavor();

    TrainedModel load(Path folder, ModelDescriptor descriptor) throws IOException;
}
