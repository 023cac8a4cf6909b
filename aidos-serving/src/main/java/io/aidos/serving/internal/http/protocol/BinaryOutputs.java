package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Which outputs a request wants as binary data (Triton's binary tensor data extension): all of them with {@code
 * parameters.binary_data_output: true}, unless an output says {@code parameters.binary_data: false}, and any output
 * that says {@code binary_data: true}. Triton's HTTP clients ask for binary outputs by default.
 *
 * @param byDefault the request's {@code binary_data_output}
 * @param binary    outputs that asked for binary data
 * @param json      outputs that asked for JSON data
 */
public record BinaryOutputs(boolean byDefault, Set<String> binary, Set<String> json) {
    public static final BinaryOutputs NONE = new BinaryOutputs(false, Set.of(), Set.of());

    public BinaryOutputs {
        binary = Set.copyOf(binary);
        json = Set.copyOf(json);
    }

    /** Whether output {@code name} is answered as binary data. */
    public boolean of(String name) {
        return binary.contains(name) || byDefault && !json.contains(name);
    }

    /** Whether any output may be answered as binary data. */
    boolean any() {
        return byDefault || !binary.isEmpty();
    }

    /** From a request's {@code outputs} list (checked by {@link OipOutputs#requested}) and its {@code parameters}. */
    static BinaryOutputs of(JsonNode outputs, JsonNode parameters) {
        boolean byDefault = flag(parameters == null ? null : parameters.get("binary_data_output"),
                "parameters.binary_data_output");
        Set<String> binary = new HashSet<>();
        Set<String> json = new HashSet<>();
        if (outputs != null && outputs.isArray()) {
            for (int i = 0; i < outputs.size(); i++) {
                JsonNode o = outputs.get(i);
                JsonNode flag = o.path("parameters").get("binary_data");
                if (flag != null && !flag.isNull()) {
                    (flag(flag, "outputs[" + i + "].parameters.binary_data") ? binary : json)
                            .add(o.get("name").textValue());
                }
            }
        }
        return binary.isEmpty() && json.isEmpty() && !byDefault ? NONE : new BinaryOutputs(byDefault, binary, json);
    }

    private static boolean flag(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw InputErrors.of(field, "must be true or false but was " + JsonBodies.describe(node));
        }
        return node.booleanValue();
    }
}
