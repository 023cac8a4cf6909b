package io.aidos.core.internal.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import io.aidos.api.AuthenticationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

/** A provider's discovery document (the parts login needs) and its signing keys, fetched over HTTP. */
record OidcMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fetches and checks the discovery document: its {@code issuer} must equal the configured one. */
    static OidcMetadata discover(HttpClient http, OidcProvider provider) {
        String base = provider.issuer().toString().replaceAll("/+$", "");
        JsonNode doc = getJson(http, URI.create(base + "/.well-known/openid-configuration"), provider.name());
        String issuer = doc.path("issuer").asText(null);
        if (issuer == null || !issuer.replaceAll("/+$", "").equals(base)) {
            throw new AuthenticationException("provider " + provider.name() + " states issuer " + issuer
                    + " but is configured as " + provider.issuer());
        }
        return new OidcMetadata(issuer, uri(doc, "authorization_endpoint", provider), uri(doc, "token_endpoint", provider),
                uri(doc, "jwks_uri", provider));
    }

    JWKSet fetchKeys(HttpClient http, String providerName) {
        try {
            return JWKSet.parse(getJson(http, jwksUri, providerName).toString());
        } catch (ParseException e) {
            throw new AuthenticationException("provider " + providerName + " published unreadable keys");
        }
    }

    static JsonNode getJson(HttpClient http, URI uri, String providerName) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET()
                .build();
        return send(http, request, providerName);
    }

    static JsonNode send(HttpClient http, HttpRequest request, String providerName) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AuthenticationException("provider " + providerName + " answered HTTP " + response.statusCode()
                        + " to " + request.method() + " " + request.uri().getPath());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AuthenticationException("provider " + providerName + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("interrupted while talking to provider " + providerName);
        }
    }

    private static URI uri(JsonNode doc, String field, OidcProvider provider) {
        String v = doc.path(field).asText(null);
        if (v == null) {
            throw new AuthenticationException("provider " + provider.name() + " has no " + field);
        }
        return URI.create(v);
    }
}
