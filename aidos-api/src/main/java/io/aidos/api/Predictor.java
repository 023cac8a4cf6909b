package io.aidos.api;

import java.util.List;
import java.util.Map;

/**
 * A loaded model that predicts in-process: {@code aidos.models().load("iris", "production")}. Thread-safe. Features
 * are given by column name as in the training data; a missing or null feature is treated as missing, not as zero.
 */
public interface Predictor extends AutoCloseable {

    /** The registered version this predictor was loaded from. */
    ModelVersion modelVersion();

    Task task();

    /** The feature columns the model was trained on, with their types. */
    List<Column> inputs();

    Prediction predict(Map<String, ?> features);

    /** Predicts many rows at once; faster than one call per row for models that batch. */
    List<Prediction> predictAll(List<? extends Map<String, ?>> rows);

    /** Releases native resources (DJL, ONNX Runtime). Idempotent. */
    @Override
    void close();
}
