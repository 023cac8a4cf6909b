package io.aidos.serving.internal.http.protocol;

import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which declared model input each name given in a request stands for. */
final class InputBinding {
    private InputBinding() {
    }

    /**
     * The declared input for each of {@code given}, in the same order. Every given name must be declared and every
     * declared input given, except that a tensor model with one input takes a single given input of any name.
     *
     * @param kind what the names are called in errors: {@code input} or {@code column}
     */
    static TensorSpec[] bind(List<String> given, ModelSignature signature, String kind) {
        List<TensorSpec> declared = signature.inputs();
        if (!signature.tabular() && declared.size() == 1 && given.size() == 1) {
            return new TensorSpec[] {declared.get(0)};
        }
        Map<String, TensorSpec> byName = new HashMap<>(declared.size() * 2);
        for (TensorSpec spec : declared) {
            byName.put(spec.name(), spec);
        }
        TensorSpec[] bound = new TensorSpec[given.size()];
        Set<String> seen = new HashSet<>(given.size() * 2);
        for (int i = 0; i < bound.length; i++) {
            String name = given.get(i);
            bound[i] = byName.get(name);
            if (bound[i] == null) {
                throw InputErrors.of("request", "has unknown " + kind + " " + InputErrors.quote(name)
                        + "; the model takes " + names(declared));
            }
            if (!seen.add(name)) {
                throw InputErrors.of("request", "gives " + kind + " " + InputErrors.quote(name) + " twice");
            }
        }
        if (seen.size() < declared.size()) {
            for (TensorSpec spec : declared) {
                if (!seen.contains(spec.name())) {
                    throw InputErrors.of("request", "is missing " + kind + " " + InputErrors.quote(spec.name())
                            + "; the model takes " + names(declared));
                }
            }
        }
        return bound;
    }

    /** The declared names, listed for an error message. */
    static String names(List<TensorSpec> declared) {
        return InputErrors.list(declared.stream().map(TensorSpec::name).toList());
    }
}
