package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bodies of the Open Inference Protocol v2 REST API (KServe, Triton, MLServer): inference requests in, inference
 * responses, model and server metadata and errors out.
 *
 * <p>A request's {@code data} may be flat (row-major) or nested; its length must match the shape, whose first
 * dimension is the batch size (at most {@value RowLimit#MAX_ROWS} rows). See {@link OipTabularInputs} and {@link
 * OipTensorInputs} for the inputs each kind of model takes, and {@link OipOutputs} for the outputs it answers.
 */
public final class OipCodec {
    /** The header giving the JSON's length when binary tensor data follows it, in requests and responses. */
    public static final String BINARY_HEADER = "Inference-Header-Content-Length";

    private OipCodec() {
    }

    /**
     * The rows, id, requested outputs and routing key ({@code parameters.routing_key}) of an inference request.
     *
     * @throws InvalidInputException naming the input, field or position at fault
     */
    public static InferRequest parseInfer(byte[] body, ModelSignature signature) {
        return parseInfer(body, -1, signature);
    }

    /**
     * {@link #parseInfer(byte[], ModelSignature)} of a body whose first {@code jsonLength} bytes are the JSON request
     * and the rest the inputs' binary data (Triton's binary tensor data extension, {@code
     * Inference-Header-Content-Length}); -1 when the whole body is JSON.
     */
    public static InferRequest parseInfer(byte[] body, int jsonLength, ModelSignature signature) {
        if (jsonLength > body.length) {
            throw InputErrors.of(BINARY_HEADER, "is " + jsonLength + " but the body has only " + body.length
                    + " bytes");
        }
        JsonNode root = jsonLength < 0 ? JsonBodies.read(body) : JsonBodies.read(body, jsonLength);
        if (!root.isObject()) {
            throw InputErrors.of("request body", "must be a JSON object with an 'inputs' list but was "
                    + JsonBodies.kind(root));
        }
        String id = text(root.get("id"), "id");
        JsonNode parameters = root.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw InputErrors.of("parameters", "must be an object but was " + JsonBodies.kind(parameters));
        }
        JsonNode routing = parameters == null ? null : parameters.get("routing_key");
        String routingKey = routing != null && routing.isNumber() ? routing.asText()
                : text(routing, "parameters.routing_key");
        Set<String> requested = OipOutputs.requested(root.get("outputs"), signature);
        BinaryOutputs binaryOutputs = BinaryOutputs.of(root.get("outputs"), parameters);
        List<OipTensor> tensors = OipTensor.parseAll(root.get("inputs"), jsonLength < 0 ? BinaryTensorData.none()
                : BinaryTensorData.of(body, jsonLength));
        List<Map<String, Object>> rows = signature.tabular()
                ? OipTabularInputs.rows(tensors, signature) : OipTensorInputs.rows(tensors, signature);
        return new InferRequest(id, rows, requested, routingKey, binaryOutputs);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw InputErrors.of(field, "must be a string but was " + JsonBodies.kind(node));
        }
        return node.textValue();
    }

    /**
     * An inference response holding one output per answered name (all of them when {@code requestedOutputs} is
     * empty); predictions are in row order.
     *
     * @throws InvalidInputException if a requested output is not one this answer holds
     */
    public static byte[] inferResponse(String modelName, String modelVersion, String id, List<Prediction> predictions,
                                       ModelSignature signature, Set<String> requestedOutputs) {
        return OipResponseWriter.write(modelName, modelVersion, id, predictions, signature, requestedOutputs,
                BinaryOutputs.NONE).body();
    }

    /**
     * {@link #inferResponse} with the outputs {@code binary} names answered as binary data after the JSON (Triton's
     * binary tensor data extension).
     */
    public static OipAnswer inferAnswer(String modelName, String modelVersion, String id, List<Prediction> predictions,
                                        ModelSignature signature, Set<String> requestedOutputs, BinaryOutputs binary) {
        return OipResponseWriter.write(modelName, modelVersion, id, predictions, signature, requestedOutputs, binary);
    }

    /**
     * {@code {"name", "versions", "platform", "inputs": [{"name", "datatype", "shape"}], "outputs": [...]}}; the outputs
     * are those an inference answers ({@link OipOutputs#described}).
     */
    public static byte[] modelMetadata(String name, List<String> versions, String platform, ModelSignature signature) {
        return JsonBodies.write(256 + 64 * (signature.inputs().size() + signature.outputs().size()), json -> {
            json.writeStartObject();
            json.writeStringField("name", name);
            if (versions != null) {
                json.writeArrayFieldStart("versions");
                for (String v : versions) {
                    json.writeString(v);
                }
                json.writeEndArray();
            }
            if (platform != null) {
                json.writeStringField("platform", platform);
            }
            writeTensors(json, "inputs", signature.inputs());
            writeTensors(json, "outputs", OipOutputs.described(signature));
            json.writeEndObject();
        });
    }

    private static void writeTensors(JsonGenerator json, String field, List<TensorSpec> tensors) throws IOException {
        json.writeArrayFieldStart(field);
        for (TensorSpec t : tensors) {
            json.writeStartObject();
            json.writeStringField("name", t.name());
            json.writeStringField("datatype", t.datatype());
            json.writeArrayFieldStart("shape");
            for (long d : t.shape()) {
                json.writeNumber(d);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code {"name", "version", "extensions": ["binary_tensor_data"]}}. */
    public static byte[] serverMetadata(String name, String version) {
        return JsonBodies.write(96, json -> {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeStringField("version", version);
            json.writeArrayFieldStart("extensions");
            json.writeString("binary_tensor_data");
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code {"error": message}}, the body of every OIP error response. */
    public static byte[] error(String message) {
        return JsonBodies.write(32 + (message == null ? 0 : message.length()), json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }
}
