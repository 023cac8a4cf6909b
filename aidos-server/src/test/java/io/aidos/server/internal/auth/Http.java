package io.aidos.server.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP calls for the identity tests: method, path, JSON body, bearer token. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String base;

    Http(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    Http(String base) {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), base);
    }

    HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static String body(Object... kv) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
