package io.aidos.core.internal.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AuthenticationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Who an access token of a plain {@link OAuth2Provider} belongs to, read from its user-info API. An email counts
 * as verified only when the provider says so: the {@code emailVerifiedField} is {@code true}, or the primary entry
 * of {@code emailsUri} has {@code "verified": true}.
 */
final class OAuth2UserInfo {
    private OAuth2UserInfo() {
    }

    static OidcLogins.Verified read(HttpClient http, OAuth2Provider provider, String accessToken) {
        JsonNode user = get(http, provider.userInfoUri(), accessToken, provider.name());
        JsonNode subject = user.path(provider.subjectField());
        if (!(subject.isTextual() || subject.isIntegralNumber()) || subject.asText().isBlank()) {
            throw new AuthenticationException("login rejected: provider " + provider.name()
                    + " sent user info without " + provider.subjectField());
        }
        String email = user.path(provider.emailField()).isTextual() ? user.path(provider.emailField()).asText() : null;
        boolean verified = provider.emailVerifiedField() != null
                && user.path(provider.emailVerifiedField()).isBoolean()
                && user.path(provider.emailVerifiedField()).booleanValue();
        if (provider.emailsUri() != null) {
            JsonNode primary = primary(get(http, provider.emailsUri(), accessToken, provider.name()));
            if (primary != null) {
                email = primary.path("email").asText();
                verified = primary.path("verified").isBoolean() && primary.path("verified").booleanValue();
            } else {
                verified = false; // the user-info email alone carries no verified flag we can trust
            }
        }
        return new OidcLogins.Verified(provider.name(), subject.asText(), email, verified);
    }

    /** The entry with {@code "primary": true} and a textual email of a GitHub-shaped list, or null. */
    static JsonNode primary(JsonNode emails) {
        if (emails != null && emails.isArray()) {
            for (JsonNode e : emails) {
                if (e.path("primary").isBoolean() && e.path("primary").booleanValue() && e.path("email").isTextual()) {
                    return e;
                }
            }
        }
        return null;
    }

    private static JsonNode get(HttpClient http, URI uri, String accessToken, String providerName) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(OidcMetadata.TIMEOUT)
                .header("Accept", "application/json").header("Authorization", "Bearer " + accessToken).GET().build();
        return OidcMetadata.send(http, request, providerName);
    }
}
