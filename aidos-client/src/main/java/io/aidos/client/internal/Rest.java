package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** JSON calls over {@link HttpTransport}: build the URL with {@link #url}, then get, post, put or delete. */
final class Rest {
    static final MediaType JSON = MediaType.get("application/json");
    final HttpTransport transport;

    Rest(HttpTransport transport) {
        this.transport = transport;
    }

    /** {@code /api/v1/SEG/SEG...}, each segment percent-encoded. */
    HttpUrl.Builder url(String... segments) {
        return transport.url(segments);
    }

    JsonNode get(HttpUrl.Builder url) {
        return transport.send(new Request.Builder().url(url.build()).get().build(), HttpTransport::json);
    }

    JsonNode post(HttpUrl.Builder url, Object body) {
        return transport.send(new Request.Builder().url(url.build()).post(body(body)).build(), HttpTransport::json);
    }

    /** A POST the server deduplicates by key, so it is retried like a PUT. */
    JsonNode postIdempotent(HttpUrl.Builder url, byte[] json, String key) {
        return transport.send(new Request.Builder().url(url.build()).header("Idempotency-Key", key)
                .post(RequestBody.create(json, JSON)).build(), HttpTransport::json);
    }

    JsonNode put(HttpUrl.Builder url, Object body) {
        return transport.send(new Request.Builder().url(url.build()).put(body(body)).build(), HttpTransport::json);
    }

    JsonNode delete(HttpUrl.Builder url) {
        return transport.send(new Request.Builder().url(url.build()).delete().build(), HttpTransport::json);
    }

    private static RequestBody body(Object body) {
        return RequestBody.create(Json.write(body), JSON);
    }
}
