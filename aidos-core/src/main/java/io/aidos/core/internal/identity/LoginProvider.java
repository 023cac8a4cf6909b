package io.aidos.core.internal.identity;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A provider users may log in with by the authorization code flow with PKCE: an {@link OidcProvider} (the user
 * comes from a verified ID token) or a plain {@link OAuth2Provider} (the user comes from a user-info API).
 */
public sealed interface LoginProvider permits OidcProvider, OAuth2Provider {
    /** The provider's name in AI-DOS, e.g. {@code google}; part of the user link and of the begin route. */
    String name();

    String clientId();

    /** The client secret, or null for a public client. */
    String clientSecret();

    List<String> scopes();

    /** The server's callback URL registered at the provider. */
    URI redirectUri();

    static void requireName(String name) {
        if (name == null || !Pattern.matches("[a-z0-9][a-z0-9-]{0,62}", name)) {
            throw new IllegalArgumentException("name must be 1 to 63 lower-case letters, digits or '-' but was '"
                    + name + "'");
        }
    }

    /** Provider URLs must be https; plain http only on loopback (tests, a provider on the same host). */
    static void requireHttps(String field, URI uri) {
        boolean loopback = uri != null && "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost())
                || "localhost".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
        if (uri == null || !("https".equals(uri.getScheme()) || loopback)) {
            throw new IllegalArgumentException(field + " must be an https URL (http only on loopback) but was " + uri);
        }
    }
}
