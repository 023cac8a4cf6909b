package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a loaded graph takes and which of its outputs become a {@link io.aidos.api.Prediction}.
 *
 * <p>The first floating-point output with more than one value per row is the {@code scores}, and the first INT64,
 * INT32 or string output with one value per row the {@code label}: either makes the model a classification. Without
 * them, the first floating-point output with one value per row is the regression {@code value}. A floating-point
 * output whose per-row size the graph leaves open counts as scores when no output has a known size that fits. Outputs that are not tensors (sequences and maps, e.g. scikit-learn's ZipMap)
 * are not in the signature and are never computed.
 *
 * @param scores the scores output, or null
 * @param label the label output, or null
 * @param value the regression output, or null
 */
record GraphSignature(ModelSignature signature, List<GraphInput> inputs, String scores, String label, String value) {
    GraphSignature {
        inputs = List.copyOf(inputs);
    }

    /** Reads {@code session}'s inputs and outputs; an input this predictor cannot feed is an error naming it. */
    static GraphSignature of(OrtSession session, String model) throws OrtException {
        List<GraphInput> inputs = new ArrayList<>();
        for (NodeInfo node : session.getInputInfo().values()) {
            if (!(node.getInfo() instanceof TensorInfo info)) {
                throw new InvalidInputException("input " + node.getName() + " of " + model, node.getInfo(),
                        "must be a tensor (sequence and map inputs cannot be fed from rows)");
            }
            if (!ElementTypes.FEEDABLE.contains(info.type) || info.getShape().length == 0) {
                throw new InvalidInputException("input " + node.getName() + " of " + model, info,
                        "must be a tensor of FP32, FP64, INT64, INT32, BOOL or BYTES with the batch as its first"
                                + " dimension");
            }
            inputs.add(new GraphInput(spec(node.getName(), info), info.type));
        }
        List<TensorSpec> outputs = new ArrayList<>();
        Map<String, OnnxJavaType> types = new HashMap<>();
        for (NodeInfo node : session.getOutputInfo().values()) {
            if (node.getInfo() instanceof TensorInfo info && ElementTypes.datatype(info.onnxType).isPresent()) {
                outputs.add(spec(node.getName(), info));
                types.put(node.getName(), info.type);
            }
        }
        String scores = first(outputs, o -> ElementTypes.floating(types.get(o.name())) && o.valuesPerRow() > 1);
        String value = first(outputs, o -> ElementTypes.floating(types.get(o.name())) && o.valuesPerRow() == 1);
        if (scores == null && value == null) {
            scores = first(outputs, o -> ElementTypes.floating(types.get(o.name())) && o.valuesPerRow() < 0);
        }
        String label = first(outputs, o -> ElementTypes.labelLike(types.get(o.name())) && o.valuesPerRow() == 1);
        if (scores == null && label == null && value == null) {
            throw new InvalidInputException("outputs of " + model, outputs,
                    "must include a floating-point tensor (scores or a value per row) or an integer or string label"
                            + " tensor");
        }
        Task task = scores != null || label != null ? Task.CLASSIFICATION : Task.REGRESSION;
        if (task == Task.CLASSIFICATION) {
            value = null;
        }
        ModelSignature signature = new ModelSignature(inputs.stream().map(GraphInput::spec).toList(), outputs,
                false, task);
        return new GraphSignature(signature, inputs, scores, label, value);
    }

    Task task() {
        return signature.task();
    }

    /** The outputs a run must compute. */
    Set<String> requested() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {scores, label, value}) {
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static TensorSpec spec(String name, TensorInfo info) {
        long[] shape = Arrays.stream(info.getShape()).map(d -> d < 0 ? -1 : d).toArray();
        return TensorSpec.of(name, ElementTypes.datatype(info.onnxType).orElseThrow(), shape);
    }

    private static String first(List<TensorSpec> outputs, Predicate<TensorSpec> fits) {
        return outputs.stream().filter(o -> !o.shape().isEmpty()).filter(fits).map(TensorSpec::name).findFirst()
                .orElse(null);
    }
}
