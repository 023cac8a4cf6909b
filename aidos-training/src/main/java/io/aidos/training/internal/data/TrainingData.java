package io.aidos.training.internal.data;

import io.aidos.api.Task;

/**
 * Encoded rows for one job. {@code trainY}/{@code validY} hold label indices (classification) or encoded values
 * (regression) and are empty for the unsupervised tasks. When the spec holds nothing out, the validation arrays are
 * the training arrays and {@code heldOut} is false.
 */
public record TrainingData(Task task, FeatureEncoder features, TargetEncoder target, double[][] trainX,
                           double[] trainY, double[][] validX, double[] validY, boolean heldOut) {

    /** The number of label indices (classification), else 0. */
    public int classCount() {
        return target == null ? 0 : target.labels().size();
    }
}
