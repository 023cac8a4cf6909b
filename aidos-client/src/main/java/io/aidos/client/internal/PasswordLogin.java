package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** {@code POST /api/v1/auth/login}, once (a login is never retried); the answer becomes a config with both tokens. */
public final class PasswordLogin {

    private PasswordLogin() {
    }

    public static AiDosConfig login(AiDosConfig base, String email, String password, String code) {
        HttpUrl url = HttpUrl.parse(base.uri());
        if (url == null) {
            throw new InvalidInputException("uri", base.uri(), "is not a valid http(s) URL");
        }
        OkHttpClient.Builder builder = new OkHttpClient.Builder().connectTimeout(base.connectTimeout())
                .readTimeout(base.requestTimeout()).retryOnConnectionFailure(false);
        ClientTls.configure(builder, base);
        OkHttpClient http = builder.build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        if (code != null) {
            body.put("code", code);
        }
        Request request = new Request.Builder().url(url.newBuilder().addPathSegments("api/v1/auth/login").build())
                .post(RequestBody.create(Json.write(body), Rest.JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw RemoteErrors.of(response.code(), text, HttpTransport.retryAfter(response.header("Retry-After")));
            }
            JsonNode pair = Json.MAPPER.readTree(text);
            return base.toBuilder().apiKey(pair.get("access_token").asText())
                    .property(TokenSession.REFRESH_TOKEN, pair.get("refresh_token").asText()).build();
        } catch (IOException e) {
            throw new RemoteErrors.Unavailable("cannot reach the AI-DOS server at " + url + ": " + e, e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
