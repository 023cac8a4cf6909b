package io.aidos.core.internal.identity;

import java.net.URI;
import java.util.List;

/**
 * An OpenID Connect provider users may log in with (Google, Keycloak, Entra ID, ...). Its endpoints come from
 * {@code <issuer>/.well-known/openid-configuration}. {@link #toString()} leaves out the client secret.
 *
 * @param name         the provider's name in AI-DOS, e.g. {@code google}; part of the user link
 * @param issuer       the issuer URL, exactly as the provider's ID tokens state it
 * @param clientId     the client id registered at the provider
 * @param clientSecret the client secret (sent with HTTP Basic to the token endpoint), or null for a public client
 * @param scopes       scopes to request; must include {@code openid}
 * @param redirectUri  the server's callback URL registered at the provider
 */
public record OidcProvider(String name, URI issuer, String clientId, String clientSecret, List<String> scopes,
                           URI redirectUri) implements LoginProvider {
    public OidcProvider {
        LoginProvider.requireName(name);
        LoginProvider.requireHttps("issuer", issuer);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank but was '" + clientId + "'");
        }
        scopes = List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("scopes must include openid but were " + scopes);
        }
        if (redirectUri == null || !redirectUri.isAbsolute()) {
            throw new IllegalArgumentException("redirectUri must be an absolute URL but was " + redirectUri);
        }
    }

    /** A provider asking for {@code openid email profile}. */
    public static OidcProvider of(String name, URI issuer, String clientId, String clientSecret, URI redirectUri) {
        return new OidcProvider(name, issuer, clientId, clientSecret, List.of("openid", "email", "profile"),
                redirectUri);
    }

    @Override
    public String toString() {
        return "OidcProvider[" + name + ", issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
