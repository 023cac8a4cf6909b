package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.server.internal.AuditedResource;
import java.util.Optional;

/**
 * The resource an MLflow request acted on, for the audit log: MLflow names it in the request's fields, not in the
 * path, and a create's new id is in the answer. Kinds are those the audit hook reads from paths
 * ({@code experiment}, {@code run}, {@code registered_model}, {@code model_version}); a model version is
 * {@code name/version}.
 */
final class MlflowResource {
    private MlflowResource() {
    }

    /**
     * The resource of a request to {@code endpoint} (e.g. {@code runs/log-metric}) with fields {@code request} and
     * {@code answer}, null when it failed; empty when the request does not name one.
     */
    static Optional<AuditedResource> of(String endpoint, MlflowRequest request, ObjectNode answer) {
        String collection = endpoint.contains("/") ? endpoint.substring(0, endpoint.indexOf('/')) : endpoint;
        String kind;
        String id;
        switch (collection) {
            case "experiments" -> {
                kind = "experiment";
                id = first(field(request, "experiment_id"), at(answer, "/experiment_id"),
                        at(answer, "/experiment/experiment_id"));
            }
            case "runs", "metrics" -> {
                kind = "run";
                id = first(field(request, "run_id"), field(request, "run_uuid"), at(answer, "/run/info/run_id"),
                        at(answer, "/run_info/run_id"));
            }
            case "registered-models" -> {
                kind = "registered_model";
                id = first(field(request, "name"), at(answer, "/registered_model/name"));
            }
            case "model-versions" -> {
                kind = "model_version";
                String name = first(field(request, "name"), at(answer, "/model_version/name"));
                String version = first(field(request, "version"), at(answer, "/model_version/version"));
                id = name == null ? null : version == null ? name : name + "/" + version;
            }
            default -> {
                return Optional.empty();
            }
        }
        return id == null ? Optional.empty() : Optional.of(new AuditedResource(kind, id));
    }

    /** A request field, or null when absent, empty or not a single value. */
    private static String field(MlflowRequest request, String name) {
        try {
            String value = request.string(name);
            return value == null || value.isEmpty() ? null : value;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String at(ObjectNode answer, String pointer) {
        if (answer == null) {
            return null;
        }
        JsonNode node = answer.at(pointer);
        return node.isValueNode() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
