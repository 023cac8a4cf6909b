package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
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
 * output whose per-row size the graph leaves open counts as scores when no output has a known size that fits.
 *
 * <p>A sequence of maps from class (INT64 or string) to a floating-point score, one map per row, is the scores before
 * any tensor: it is what scikit-learn models exported with skl2onnx answer by default (ZipMap's
 * {@code output_probability} next to {@code output_label}), and unlike a tensor it names the classes. Such an output is
 * not in the signature's tensors. Other outputs that are not tensors are never computed.
 *
 * @param scores the scores output, or null
 * @param label the label output, or null
 * @param value the regression output, or null
 * @param scoresByClass whether {@code scores} is a sequence of class-to-score maps rather than a tensor
 */
record GraphSignature(ModelSignature signature, List<GraphInput> inputs, String scores, String label, String value,
                      boolean scoresByClass) {
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
        String classMaps = null;
        for (NodeInfo node : session.getOutputInfo().values()) {
            if (node.getInfo() instanceof TensorInfo info && ElementTypes.datatype(info.onnxType).isPresent()) {
                outputs.add(spec(node.getName(), info));
                types.put(node.getName(), info.type);
            } else if (classMaps == null && isClassMaps(node.getInfo())) {
                classMaps = node.getName();
            }
        }
        String scores = classMaps != null ? classMaps
                : first(outputs, o -> ElementTypes.floating(types.get(o.name())) && o.valuesPerRow() > 1);
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
        return new GraphSignature(signature, inputs, scores, label, value, classMaps != null);
    }

    /** A sequence of maps from INT64 or string keys (classes) to FP32 or FP64 values (their scores). */
    private static boolean isClassMaps(ValueInfo info) {
        if (!(info instanceof SequenceInfo sequence) || !sequence.isSequenceOfMaps()) {
            return false;
        }
        MapInfo map = sequence.mapInfo;
        return (map.keyType == OnnxJavaType.INT64 || map.keyType == OnnxJavaType.STRING)
                && ElementTypes.floating(map.valueType);
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
