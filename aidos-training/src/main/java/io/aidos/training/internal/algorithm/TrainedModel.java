package io.aidos.training.internal.algorithm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model fresh from training or loaded from its files. Inputs are encoded feature vectors (see
 * {@link io.aidos.training.internal.data.FeatureEncoder}); outputs are raw, in the encoded target's terms.
 */
public interface TrainedModel extends AutoCloseable {

    /** The format tag written to the descriptor; the predictor provider for it loads the model back. */
    String flavor();

    /** The libraries (and versions) that trained it, for provenance. */
    Map<String, String> libraryVersions();

    /**
     * Predicts a batch. Classification: per row, one score per label index (probabilities where the model has
     * them). Regression: one value per row, in encoded target units. Clustering: the cluster index. Anomaly
     * detection: the anomaly score (higher is more unusual) and, as the second value, 1 for anomalous, 0 if not.
     */
    double[][] predict(double[][] features);

    /** Writes the model's files (not the descriptor) into {@code folder}. */
    void save(Path folder) throws IOException;

    /** Writes an ONNX graph of the model, if its library can; returns false if not. */
    default boolean exportOnnx(Path file) throws IOException {
        return false;
    }

    @Override
    default void close() {
    }
}
