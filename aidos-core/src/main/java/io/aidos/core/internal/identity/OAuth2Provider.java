package io.aidos.core.internal.identity;

import java.net.URI;
import java.util.List;

/**
 * A plain OAuth 2 provider without OpenID Connect (no discovery, no ID token), such as GitHub. Login is the
 * authorization code flow with PKCE (S256) and state; the user is then read with the access token from
 * {@code userInfoUri}, and, when {@code emailsUri} is set, the email from the entry of that list (GitHub's shape:
 * {@code [{"email", "primary", "verified"}]}) that is primary. {@link #toString()} leaves out the client secret.
 *
 * @param name               the provider's name in AI-DOS, e.g. {@code github}; part of the user link
 * @param clientId           the client id registered at the provider
 * @param clientSecret       the client secret (sent in the token request's form body), or null for a public client
 * @param scopes             scopes to request (may be empty)
 * @param redirectUri        the server's callback URL registered at the provider
 * @param authorizationUri   the authorization endpoint the browser is sent to
 * @param tokenUri           the token endpoint the code is redeemed at
 * @param userInfoUri        the endpoint that answers a JSON object about the user to {@code Authorization: Bearer}
 * @param emailsUri          an endpoint listing the user's emails with primary and verified flags, or null
 * @param subjectField       the user-info field with the user's stable id (a string or a number)
 * @param emailField         the user-info field with the email, used when there is no primary entry in emailsUri
 * @param emailVerifiedField the user-info boolean field saying the email is verified, or null if it never says so
 */
public record OAuth2Provider(String name, String clientId, String clientSecret, List<String> scopes,
                             URI redirectUri, URI authorizationUri, URI tokenUri, URI userInfoUri, URI emailsUri,
                             String subjectField, String emailField, String emailVerifiedField)
        implements LoginProvider {

    public OAuth2Provider {
        LoginProvider.requireName(name);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank but was '" + clientId + "'");
        }
        scopes = List.copyOf(scopes);
        if (redirectUri == null || !redirectUri.isAbsolute()) {
            throw new IllegalArgumentException("redirectUri must be an absolute URL but was " + redirectUri);
        }
        LoginProvider.requireHttps("authorizationUri", authorizationUri);
        LoginProvider.requireHttps("tokenUri", tokenUri);
        LoginProvider.requireHttps("userInfoUri", userInfoUri);
        if (emailsUri != null) {
            LoginProvider.requireHttps("emailsUri", emailsUri);
        }
        if (subjectField == null || subjectField.isBlank()) {
            throw new IllegalArgumentException("subjectField must not be blank but was '" + subjectField + "'");
        }
        if (emailField == null || emailField.isBlank()) {
            throw new IllegalArgumentException("emailField must not be blank but was '" + emailField + "'");
        }
    }

    /**
     * GitHub (an OAuth App or a GitHub App's user login): {@code read:user user:email}; the id is {@code id} of
     * {@code GET https://api.github.com/user}, the email the primary one of {@code /user/emails}, with its
     * {@code verified} flag.
     */
    public static OAuth2Provider github(String clientId, String clientSecret, URI redirectUri) {
        return new OAuth2Provider("github", clientId, clientSecret, List.of("read:user", "user:email"), redirectUri,
                URI.create("https://github.com/login/oauth/authorize"),
                URI.create("https://github.com/login/oauth/access_token"), URI.create("https://api.github.com/user"),
                URI.create("https://api.github.com/user/emails"), "id", "email", null);
    }

    @Override
    public String toString() {
        return "OAuth2Provider[" + name + ", authorizationUri=" + authorizationUri + ", clientId=" + clientId + "]";
    }
}
