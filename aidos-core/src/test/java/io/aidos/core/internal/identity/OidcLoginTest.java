package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDos;
import io.aidos.api.AuthenticationException;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.store.Database;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenID Connect login against a real provider (mock-oauth2-server on 127.0.0.1:0): discovery, authorization
 * code with PKCE, ID token checks, and linking to users. The browser's part is one GET that the provider
 * answers with a redirect to the callback.
 */
class OidcLoginTest {
    private static final String CLIENT = "aidos-client";
    private static final URI CALLBACK = URI.create("http://127.0.0.1:1/api/v1/auth/oidc/callback");
    @TempDir
    Path temp;
    private MockOAuth2Server provider;
    private AiDos aidos;
    private Database db;
    private Identity identity;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        aidos = AiDos.open("local:" + temp.resolve("store"));
        db = ((LocalAiDos) aidos).database();
        OidcProvider mock = OidcProvider.of("mock", URI.create(provider.issuerUrl("default").toString()), CLIENT,
                "client-secret", CALLBACK);
        identity = Identity.open(db, IdentityConfig.builder().passwordHasher(new PasswordHasher(1024, 1, 1))
                .oidcProvider(mock).build());
    }

    @AfterEach
    void stop() {
        aidos.close();
        provider.shutdown();
    }

    /** The provider will issue an ID token for {@code subject} with these claims and audience. */
    private void nextUser(String subject, List<String> audience, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", audience, claims, 3600));
    }

    /** Follows the authorization URL as a browser would; returns the callback's query parameters. */
    private Map<String, String> authorize(AuthorizationRedirect redirect) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(redirect.uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(CALLBACK.toString());
        Map<String, String> q = new HashMap<>();
        for (String kv : location.getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void aLoginCreatesTheUserOnceAndLaterLoginsFindThem() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        assertThat(redirect.uri().getQuery()).contains("code_challenge_method=S256").contains("nonce=")
                .contains("state=" + redirect.state()).contains("client_id=" + CLIENT).contains("scope=openid email profile");
        assertThat(redirect.uri().getRawQuery()).contains("scope=openid%20email%20profile");
        nextUser("alice-sub", List.of(CLIENT), Map.of("email", "Alice@Example.org", "email_verified", true));
        Map<String, String> callback = authorize(redirect);
        assertThat(callback.get("state")).isEqualTo(redirect.state());

        TokenPair tokens = identity.completeOidcLogin(callback.get("state"), callback.get("code"), "10.0.0.9");
        Principal alice = identity.authenticate(tokens.accessToken());
        assertThat(identity.users().get(alice.userId()).email()).isEqualTo("alice@example.org");
        assertThat(identity.users().get(alice.userId()).hasPassword()).isFalse();

        AuthorizationRedirect again = identity.beginOidcLogin("mock");
        nextUser("alice-sub", List.of(CLIENT), Map.of("email", "alice@example.org", "email_verified", true));
        Map<String, String> second = authorize(again);
        TokenPair later = identity.completeOidcLogin(second.get("state"), second.get("code"), null);
        assertThat(identity.authenticate(later.accessToken()).userId()).isEqualTo(alice.userId());

        // A state is good once.
        assertThatThrownBy(() -> identity.completeOidcLogin(second.get("state"), second.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("state");
    }

    @Test
    void aVerifiedEmailLinksAnExistingUserAndAnUnverifiedOneDoesNot() throws Exception {
        User bob = identity.users().register("bob@example.org", "correct horse battery staple");
        AuthorizationRedirect unverified = identity.beginOidcLogin("mock");
        nextUser("bob-at-provider", List.of(CLIENT), Map.of("email", "bob@example.org", "email_verified", false));
        Map<String, String> cb = authorize(unverified);
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not verified");

        AuthorizationRedirect verified = identity.beginOidcLogin("mock");
        nextUser("bob-at-provider", List.of(CLIENT), Map.of("email", "bob@example.org", "email_verified", true));
        Map<String, String> cb2 = authorize(verified);
        TokenPair tokens = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(tokens.accessToken()).userId()).isEqualTo(bob.id());
    }

    @Test
    void anUnknownStateIsRejected() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        nextUser("eve", List.of(CLIENT), Map.of("email", "eve@example.org", "email_verified", true));
        Map<String, String> cb = authorize(redirect);
        assertThatThrownBy(() -> identity.completeOidcLogin("forged-state", cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("unknown or expired login state");
        assertThatThrownBy(() -> identity.completeOidcLogin(null, cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.beginOidcLogin("nope")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCodeVerifierThatDoesNotMatchTheChallengeIsRefusedByTheProvider() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        nextUser("mallory", List.of(CLIENT), Map.of("email", "mallory@example.org", "email_verified", true));
        Map<String, String> cb = authorize(redirect);
        // As if an attacker who intercepted the code redeemed it without the verifier the challenge was made from.
        db.update("tamper", "UPDATE oidc_logins SET code_verifier = ? WHERE state = ?", Secrets.randomToken(48),
                redirect.state());
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("HTTP 400");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRejected() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        nextUser("trudy", List.of(CLIENT), Map.of("email", "trudy@example.org", "email_verified", true));
        Map<String, String> cb = authorize(redirect);
        // As if the ID token had been minted for another login (replayed or injected).
        db.update("tamper", "UPDATE oidc_logins SET nonce = ? WHERE state = ?", "another-nonce", redirect.state());
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("wrong nonce");
    }
}
