package io.aidos.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.Deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Calls a deployment the way outside clients do: Open Inference Protocol v2 infer and MLflow invocations. */
final class ServingHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An answer: HTTP status, the version that answered (OIP {@code model_version}) and the first label. */
    record Answer(int status, String version, String label, String body) {
    }

    private ServingHttp() {
    }

    /** One row as OIP tensors (one per feature), with an optional routing key header. */
    static Answer infer(Deployment d, Map<String, Object> row, String routingKey) {
        StringBuilder inputs = new StringBuilder();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            inputs.append(inputs.length() == 0 ? "" : ",").append("{\"name\":\"").append(e.getKey())
                    .append("\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[").append(e.getValue()).append("]}");
        }
        URI uri = d.endpoint().resolve("/v2/models/" + d.name() + "/infer");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[" + inputs + "]}"));
        if (routingKey != null) {
            request.header("X-AIDOS-Routing-Key", routingKey);
        }
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() != 200) {
                return new Answer(r.statusCode(), null, null, r.body());
            }
            String label = null;
            for (JsonNode o : body.get("outputs")) {
                if (o.get("name").asText().equals("label")) {
                    label = o.get("data").get(0).asText();
                }
            }
            return new Answer(200, body.get("model_version").asText(), label, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rows as one MLflow {@code dataframe_split} request to the deployment's endpoint; returns the status. */
    static int invocations(Deployment d, List<Map<String, Object>> rows) {
        List<String> columns = List.copyOf(rows.get(0).keySet());
        StringBuilder data = new StringBuilder();
        for (Map<String, Object> row : rows) {
            data.append(data.length() == 0 ? "[" : ",[");
            for (int i = 0; i < columns.size(); i++) {
                data.append(i == 0 ? "" : ",").append(row.get(columns.get(i)));
            }
            data.append(']');
        }
        String body;
        try {
            body = "{\"dataframe_split\":{\"columns\":" + JSON.writeValueAsString(columns) + ",\"data\":[" + data
                    + "]}}";
            return HTTP.send(HttpRequest.newBuilder(d.endpoint().resolve("invocations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
