package io.aidos.training.internal.djl;

import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.model.ModelDescriptor;
import io.aidos.training.internal.model.ModelFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads {@code djl} models: rebuilds the block from {@code net.json} and reads {@code parameters.djl}. The engine
 * starts (offline, natives unpacked into the store's cache folder) if training has not started it in this JVM.
 */
public final class DjlFormat implements ModelFormat {
    private static final Logger LOG = LoggerFactory.getLogger(DjlFormat.class);

    @Override
    public String flavor() {
        return DjlModel.FLAVOR;
    }

    @Override
    public TrainedModel load(Path folder, Path cacheFolder, ModelDescriptor descriptor) throws IOException {
        return DjlModel.load(DjlEngine.start(cacheFolder, LOG::info), folder, descriptor.task());
    }
}
