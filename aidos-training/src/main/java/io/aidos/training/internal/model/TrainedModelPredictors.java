package io.aidos.training.internal.model;

import io.aidos.api.AiDosException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;
import io.aidos.spi.PredictorProvider;
import io.aidos.training.internal.algorithm.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;

/** The {@link PredictorProvider} for models this module trained (found by ServiceLoader). */
public final class TrainedModelPredictors implements PredictorProvider {

    @Override
    public String name() {
        return "aidos-training";
    }

    @Override
    public boolean supports(String flavor) {
        return ModelFormats.find(flavor).isPresent();
    }

    @Override
    public Predictor load(String flavor, Path directory, Path cacheFolder, ModelVersion version) {
        ModelDescriptor descriptor = ModelDescriptor.read(directory);
        ModelFormat format = ModelFormats.find(flavor).orElseThrow();
        try {
            TrainedModel model = format.load(directory, cacheFolder, descriptor);
            return new EncodedPredictor(version, descriptor, model);
        } catch (IOException e) {
            throw new AiDosException("could not load model " + version.modelName() + " version " + version.version()
                    + " from " + directory + ": " + e.getMessage(), e);
        }
    }
}
