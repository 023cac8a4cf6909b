package io.aidos.server.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An OpenAPI 3.0 document made from the route table, so it lists exactly the routes the server serves. */
public final class OpenApiDocument {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    public static Map<String, Object> of(List<ApiRoute> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "AI-DOS REST API", "version", "v1", "description",
                "Datasets, experiments and runs, the model registry, training jobs and deployments. Errors are JSON"
                        + " {error_code, message, ...} with the HTTP status of the error."));
        doc.put("components", Map.of("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Error", Map.of("type", "object", "required", List.of("error_code", "message"),
                        "properties", Map.of("error_code", Map.of("type", "string"),
                                "message", Map.of("type", "string"))))));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        for (ApiRoute r : routes) {
            paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<>())
                    .put(r.method().name().toLowerCase(java.util.Locale.ROOT), operation(r));
        }
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> operation(ApiRoute r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", r.summary());
        op.put("tags", List.of(r.tag()));
        op.put("operationId", r.method().name().toLowerCase(java.util.Locale.ROOT)
                + r.path().replace("/api/v1", "").replaceAll("[^A-Za-z0-9]+", "_"));
        List<Map<String, Object>> params = new ArrayList<>();
        Matcher m = PARAM.matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (r.idempotencyKey()) {
            params.add(Map.of("name", "Idempotency-Key", "in", "header", "required", false,
                    "description", "A repeated key gets the first answer again; safe to retry",
                    "schema", Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (r.body() == ApiRoute.Body.JSON) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json",
                    Map.of("schema", Map.of("type", "object")))));
        } else if (r.body() == ApiRoute.Body.STREAM) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/octet-stream",
                    Map.of("schema", Map.of("type", "string", "format", "binary")))));
        }
        String type = switch (r.produces()) {
            case JSON -> "application/json";
            case CSV -> "text/csv";
            case JSON_LINES -> "application/x-ndjson";
            case BINARY -> "application/octet-stream";
            case EVENT_STREAM -> "text/event-stream";
        };
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK", "content", Map.of(type, Map.of())));
        responses.put("default", Map.of("description", "An error", "content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
        op.put("responses", responses);
        return op;
    }
}
