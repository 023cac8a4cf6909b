package io.aidos.serving.internal.signature;

import io.aidos.api.Column;
import io.aidos.api.Predictor;
import io.aidos.api.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a served model takes and gives, for the protocols' metadata and request checks.
 *
 * <p>A <em>tabular</em> model (trained by AI-DOS) takes one scalar per named feature column: a row is
 * {@code Map<column, Number|String|Boolean|null>}. A <em>tensor</em> model (an outside ONNX or TorchScript file) takes
 * its graph inputs: a row is {@code Map<input name, Number | double[] | float[] | long[]>} holding that row's slice
 * (the shape after the batch dimension, flattened in row-major order).
 */
public final class ModelSignature {
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final boolean tabular;
    private final Task task;
    private final RowLayout inputLayout;

    public ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs, boolean tabular, Task task) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.tabular = tabular;
        this.task = task;
        this.inputLayout = RowLayout.of(this.inputs);
    }

    public List<TensorSpec> inputs() {
        return inputs;
    }

    public List<TensorSpec> outputs() {
        return outputs;
    }

    public boolean tabular() {
        return tabular;
    }

    public Task task() {
        return task;
    }

    /** The inputs' names in order, for rows built by position (see {@link RowLayout}). */
    public RowLayout inputLayout() {
        return inputLayout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSignature s && tabular == s.tabular && task == s.task && inputs.equals(s.inputs)
                && outputs.equals(s.outputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs, outputs, tabular, task);
    }

    @Override
    public String toString() {
        return "ModelSignature[inputs=" + inputs + ", outputs=" + outputs + ", tabular=" + tabular + ", task=" + task
                + "]";
    }

    /** The signature of {@code predictor}: its own if it has one, else one tensor per feature column. */
    public static ModelSignature of(Predictor predictor) {
        if (predictor instanceof SignedPredictor signed) {
            return signed.signature();
        }
        List<TensorSpec> in = new ArrayList<>();
        for (Column c : predictor.inputs()) {
            String type = switch (c.type()) {
                case STRING -> "BYTES";
                case BOOLEAN -> "BOOL";
                default -> "FP64";
            };
            in.add(TensorSpec.of(c.name(), type, -1));
        }
        return new ModelSignature(in, tabularOutputs(predictor.task()), true, predictor.task());
    }

    /** A tabular model answers a label (with per-label scores) or a value, one per row. */
    static List<TensorSpec> tabularOutputs(Task task) {
        return switch (task) {
            case REGRESSION -> List.of(TensorSpec.of("value", "FP64", -1));
            case CLASSIFICATION -> List.of(TensorSpec.of("label", "BYTES", -1), TensorSpec.of("scores", "FP64", -1, -1));
            default -> List.of(TensorSpec.of("label", "BYTES", -1), TensorSpec.of("value", "FP64", -1));
        };
    }
}
