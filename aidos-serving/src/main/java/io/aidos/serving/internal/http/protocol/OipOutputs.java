package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Prediction;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which outputs an OIP answer holds. A tabular model answers by task: classification {@code label} and
 * {@code scores}, regression {@code value}, clustering and anomaly detection {@code label} and {@code value}. A tensor
 * model answers {@code label} and {@code scores} when its predictions carry scores, {@code label} alone when they carry
 * labels only, else its values under the name of its first output ({@code value} if it declares none).
 */
final class OipOutputs {
    static final String LABEL = "label";
    static final String SCORES = "scores";
    static final String VALUE = "value";

    private OipOutputs() {
    }

    /** Every output name the model may answer. */
    static List<String> possible(ModelSignature signature) {
        if (signature.tabular()) {
            return switch (signature.task()) {
                case CLASSIFICATION -> List.of(LABEL, SCORES);
                case REGRESSION -> List.of(VALUE);
                default -> List.of(LABEL, VALUE);
            };
        }
        Set<String> names = new LinkedHashSet<>(List.of(LABEL, SCORES));
        names.add(valueName(signature));
        return List.copyOf(names);
    }

    /** The outputs an answer with {@code predictions} holds, before any choice by the request. */
    static List<String> answered(ModelSignature signature, List<Prediction> predictions) {
        if (signature.tabular()) {
            return possible(signature);
        }
        if (hasScores(predictions)) {
            return List.of(LABEL, SCORES);
        }
        return hasLabels(predictions) ? List.of(LABEL) : List.of(valueName(signature));
    }

    /**
     * The outputs model metadata lists: a tabular model's declared ones; for a tensor model what it answers, {@code
     * label} (BYTES) and {@code scores} (FP64, one column per class) for a classification, else its value (FP64).
     */
    static List<TensorSpec> described(ModelSignature signature) {
        if (signature.tabular()) {
            return signature.outputs();
        }
        if (signature.task() == Task.CLASSIFICATION) {
            return List.of(TensorSpec.of(LABEL, "BYTES", -1), TensorSpec.of(SCORES, "FP64", -1, classes(signature)));
        }
        return List.of(TensorSpec.of(valueName(signature), "FP64", -1));
    }

    /**
     * How many scores a row of a tensor classifier holds, when its scores output (the first floating-point one with
     * several values per row, as the predictors pick it) declares them; -1 when unknown (e.g. scores from class maps).
     */
    private static long classes(ModelSignature signature) {
        for (TensorSpec o : signature.outputs()) {
            if (o.datatype().startsWith("FP") && o.valuesPerRow() > 1) {
                return o.valuesPerRow();
            }
        }
        return -1;
    }

    static boolean hasLabels(List<Prediction> predictions) {
        for (Prediction p : predictions) {
            if (p.label() != null) {
                return true;
            }
        }
        return false;
    }

    /** The name a tensor model's values go under: its first declared output's, else {@code value}. */
    static String valueName(ModelSignature signature) {
        return signature.outputs().isEmpty() ? VALUE : signature.outputs().get(0).name();
    }

    static boolean hasScores(List<Prediction> predictions) {
        for (Prediction p : predictions) {
            if (!p.scores().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The names in a request's {@code outputs} list (absent: none), each one the model may answer. */
    static Set<String> requested(JsonNode outputs, ModelSignature signature) {
        if (outputs == null || outputs.isNull()) {
            return Set.of();
        }
        if (!outputs.isArray()) {
            throw InputErrors.of("outputs", "must be a list of {\"name\": ...} objects but was "
                    + JsonBodies.kind(outputs));
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode o = outputs.get(i);
            JsonNode name = o.get("name");
            if (name == null || !name.isTextual()) {
                throw InputErrors.of("outputs[" + i + "]", "needs a string 'name' but it was " + JsonBodies.kind(name));
            }
            names.add(name.textValue());
        }
        check(names, possible(signature));
        return names;
    }

    /** Rejects a requested name that is not among {@code available}. */
    static void check(Set<String> requested, List<String> available) {
        for (String name : requested) {
            if (!available.contains(name)) {
                throw InputErrors.of("output " + InputErrors.quote(name), "is not one this model answers; it answers "
                        + String.join(", ", available));
            }
        }
    }

    /** The names of {@code answered} to write: those requested, or all when none were. */
    static List<String> chosen(List<String> answered, Set<String> requested) {
        if (requested.isEmpty()) {
            return answered;
        }
        List<String> out = new ArrayList<>(answered.size());
        for (String name : answered) {
            if (requested.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
