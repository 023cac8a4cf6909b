package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's fields, from the JSON body (POST, PATCH, DELETE) or the query string (GET), as MLflow clients send
 * them. Missing and malformed fields are INVALID_PARAMETER_VALUE errors naming the field.
 */
final class MlflowRequest {
    private final Context ctx;
    private final JsonNode body;

    MlflowRequest(Context ctx) throws JsonProcessingException {
        this.ctx = ctx;
        String text = ctx.body();
        this.body = text == null || text.isBlank() ? MissingNode.getInstance() : MlflowJson.MAPPER.readTree(text);
        if (!body.isMissingNode() && !body.isObject()) {
            throw new MlflowException(MlflowException.MALFORMED_REQUEST, 400, "the request body must be a JSON object");
        }
    }

    /** The field as text, or null when absent. */
    String string(String name) {
        JsonNode node = body.get(name);
        if (node != null && !node.isNull()) {
            if (node.isContainerNode()) {
                throw MlflowException.invalid("Invalid value for parameter '" + name + "': expected a single value");
            }
            return node.asText();
        }
        return ctx.queryParam(name);
    }

    /** The first of the named fields that is present (for MLflow's run_id / run_uuid pairs), or an error. */
    String required(String... names) {
        for (String name : names) {
            String value = string(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        throw MlflowException.invalid("Missing value for required parameter '" + names[0] + "'. See the API docs"
                + " for more information about request parameters.");
    }

    long longValue(String name, long defaultValue) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw MlflowException.invalid("Invalid value '" + value + "' for parameter '" + name
                    + "': expected an integer");
        }
    }

    /** An integer field within 1..max, or the default when absent. */
    int limit(String name, int defaultValue, int max) {
        long value = longValue(name, defaultValue);
        if (value < 1 || value > max) {
            throw MlflowException.invalid("Invalid value " + value + " for parameter '" + name + "' supplied: it must"
                    + " be between 1 and " + max);
        }
        return (int) value;
    }

    /** A repeated field: a JSON array, or the query parameter given any number of times. */
    List<String> strings(String name) {
        JsonNode node = body.get(name);
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
            return out;
        }
        if (node != null && !node.isNull()) {
            out.add(node.asText());
            return out;
        }
        out.addAll(ctx.queryParams(name));
        return out;
    }

    /** A JSON array field (e.g. metrics of log-batch); empty when absent. */
    List<JsonNode> array(String name) {
        JsonNode node = body.get(name);
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw MlflowException.invalid("Invalid value for parameter '" + name + "': expected an array");
        }
        node.forEach(out::add);
        return out;
    }
}
