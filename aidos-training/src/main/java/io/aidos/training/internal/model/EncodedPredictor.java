package io.aidos.training.internal.model;

import io.aidos.api.Column;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.TrainedModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link Predictor} over a trained model: encodes the features as in training, decodes the output. */
public final class EncodedPredictor implements Predictor {
    private final ModelVersion version;
    private final ModelDescriptor descriptor;
    private final TrainedModel model;
    private final Set<String> accepted = new HashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public EncodedPredictor(ModelVersion version, ModelDescriptor descriptor, TrainedModel model) {
        this.version = version;
        this.descriptor = descriptor;
        this.model = model;
        descriptor.features().features().forEach(f -> accepted.add(f.column()));
        if (descriptor.target() != null) {
            accepted.add(descriptor.target().column()); // rows straight from the dataset carry it; it is ignored
        }
    }

    @Override
    public ModelVersion modelVersion() {
        return version;
    }

    @Override
    public Task task() {
        return descriptor.task();
    }

    @Override
    public List<Column> inputs() {
        return descriptor.features().inputs();
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Prediction predict(Map<String, ?> features) {
        return predictAll(java.util.Collections.singletonList(features)).get(0); // predictAll checks the row
    }

    @Override
    public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
        if (closed.get()) {
            throw new IllegalStateException("predictor for " + version.modelName() + " version " + version.version()
                    + " is closed");
        }
        if (rows == null) {
            throw new InvalidInputException("rows", null, "must not be null");
        }
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = descriptor.features().encode(checked(rows.get(i)));
        }
        double[][] out = model.predict(x);
        List<Prediction> predictions = new ArrayList<>(out.length);
        for (double[] row : out) {
            predictions.add(OutputDecoder.decode(descriptor.task(), descriptor.target(), row));
        }
        return predictions;
    }

    private Map<String, ?> checked(Map<String, ?> features) {
        if (features == null) {
            throw new InvalidInputException("features", null, "must not be null");
        }
        for (String key : features.keySet()) {
            if (!accepted.contains(key)) {
                throw new InvalidInputException("feature", key, "is not an input of model " + version.modelName()
                        + " (its inputs are " + inputs().stream().map(Column::name).toList() + ")");
            }
        }
        return features;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }
}
