package io.aidos.serving.internal.http.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One parsed inference request.
 *
 * @param id the caller's request id, echoed in the response; null if none was given
 * @param rows one map per batch entry, in the row form of {@link
 *     io.aidos.serving.internal.signature.ModelSignature}; values may be null for tabular models
 * @param requestedOutputs the output names asked for; empty means all
 * @param routingKey the request's {@code parameters.routing_key}, for sticky A/B routing; null if none was given
 * @param binaryOutputs which outputs to answer as binary data (Triton's binary tensor data extension)
 */
public record InferRequest(String id, List<Map<String, Object>> rows, Set<String> requestedOutputs, String routingKey,
                           BinaryOutputs binaryOutputs) {
    public InferRequest {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        requestedOutputs = requestedOutputs == null ? Set.of() : Set.copyOf(requestedOutputs);
        binaryOutputs = binaryOutputs == null ? BinaryOutputs.NONE : binaryOutputs;
    }

    /** A request that wants every output as JSON. */
    public InferRequest(String id, List<Map<String, Object>> rows, Set<String> requestedOutputs, String routingKey) {
        this(id, rows, requestedOutputs, routingKey, BinaryOutputs.NONE);
    }
}
