package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AuthenticationException;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The bearer credential of a client: an API key, or an access token with the refresh token it came with
 * ({@code auth.refreshToken} property). When the server says {@code TOKEN_EXPIRED}, {@link #refresh} trades the
 * refresh token for a new pair once, for all threads: a thread that finds the token already renewed uses the new
 * one, so a refresh token (good once) is never presented twice. Tokens are never logged.
 */
final class TokenSession {
    static final String REFRESH_TOKEN = "auth.refreshToken";
    private final HttpUrl refreshUrl;
    private volatile String access;
    private String refreshToken;

    TokenSession(AiDosConfig config, HttpUrl base) {
        this.access = config.apiKey().orElse(null);
        this.refreshToken = config.properties().get(REFRESH_TOKEN);
        this.refreshUrl = base.newBuilder().addPathSegments("api/v1/auth/refresh").build();
    }

    String current() {
        return access;
    }

    synchronized boolean canRefresh() {
        return refreshToken != null;
    }

    /** A fresh access token, replacing {@code stale}; AuthenticationException when the refresh is refused. */
    synchronized String refresh(OkHttpClient http, String stale) {
        if (access != null && !access.equals(stale)) {
            return access; // another thread renewed it meanwhile
        }
        if (refreshToken == null) {
            throw new AuthenticationException("the access token expired and there is no refresh token: log in again");
        }
        Request request = new Request.Builder().url(refreshUrl).post(RequestBody.create(
                Json.write(Map.of("refresh_token", refreshToken)), Rest.JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                refreshToken = null; // used up or revoked either way
                throw new AuthenticationException("the access token expired and refreshing it failed ("
                        + response.code() + "): log in again");
            }
            JsonNode pair = Json.MAPPER.readTree(body);
            access = pair.get("access_token").asText();
            refreshToken = pair.get("refresh_token").asText();
            return access;
        } catch (IOException e) {
            throw new RemoteErrors.Unavailable("cannot refresh the access token at " + refreshUrl + ": " + e, e);
        }
    }
}
