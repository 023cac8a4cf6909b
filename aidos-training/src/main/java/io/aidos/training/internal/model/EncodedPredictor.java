package io.aidos.training.internal.model;

import io.aidos.api.Column;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.FeatureEncoder;

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
    private final String targetColumn;
    private final AtomicBoolean closed = new AtomicBoolean();

    public EncodedPredictor(ModelVersion version, ModelDescriptor descriptor, TrainedModel model) {
        this.version = version;
        this.descriptor = descriptor;
        this.model = model;
        descriptor.features().features().forEach(f -> accepted.add(f.column()));
        this.targetColumn = descriptor.target() == null ? null : descriptor.target().column();
        if (targetColumn != null) {
            accepted.add(targetColumn); // rows straight from the dataset carry it; it is ignored
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
            x[i] = encoded(rows.get(i));
        }
        double[][] out = model.predict(x);
        List<Prediction> predictions = new ArrayList<>(out.length);
        for (double[] row : out) {
            predictions.add(OutputDecoder.decode(descriptor.task(), descriptor.target(), row));
        }
        return predictions;
    }

    /**
     * Encodes one row, refusing a key that is neither a feature nor the target. When every key was read as a feature
     * or is the target, the counts match and the keys need no second pass (for a 784-pixel row that pass was a fifth
     * of the serving path's time).
     */
    private double[] encoded(Map<String, ?> row) {
        if (row == null) {
            throw new InvalidInputException("features", null, "must not be null");
        }
        FeatureEncoder.Encoded e = descriptor.features().encode(row);
        int target = targetColumn != null && row.get(targetColumn) != null ? 1 : 0;
        if (e.given() + target != row.size()) {
            for (String key : row.keySet()) { // a key no feature read, or keys with null values: find out which
                if (!accepted.contains(key)) {
                    throw new InvalidInputException("feature", key, "is not an input of model " + version.modelName()
                            + " (its inputs are " + inputs().stream().map(Column::name).toList() + ")");
                }
            }
        }
        return e.x();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }
}
