package io.aidos.core.internal.identity;

import static io.aidos.core.internal.identity.LoginProviderFixture.CALLBACK;
import static io.aidos.core.internal.identity.LoginProviderFixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AuthenticationException;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.store.Database;
import java.nio.file.Path;
import java.util.Map;
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
    @TempDir
    Path temp;
    private LoginProviderFixture fixture;
    private Database db;
    private Identity identity;

    @BeforeEach
    void start() throws Exception {
        fixture = LoginProviderFixture.start(temp.resolve("store"));
        db = fixture.db;
        identity = fixture.identity(IdentityConfig.builder().oidcProvider(OidcProvider.of("mock", fixture.issuer(),
                CLIENT, "client-secret", CALLBACK)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aLoginCreatesTheUserOnceAndLaterLoginsFindThem() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        assertThat(redirect.uri().getQuery()).contains("code_challenge_method=S256").contains("nonce=")
                .contains("state=" + redirect.state()).contains("client_id=" + CLIENT).contains("scope=openid email profile");
        assertThat(redirect.uri().getRawQuery()).contains("scope=openid%20email%20profile");
        fixture.nextUser("alice-sub", Map.of("email", "Alice@Example.org", "email_verified", true));
        Map<String, String> callback = fixture.authorize(redirect);
        assertThat(callback.get("state")).isEqualTo(redirect.state());

        TokenPair tokens = identity.completeOidcLogin(callback.get("state"), callback.get("code"), "10.0.0.9");
        Principal alice = identity.authenticate(tokens.accessToken());
        assertThat(identity.users().get(alice.userId()).email()).isEqualTo("alice@example.org");
        assertThat(identity.users().get(alice.userId()).hasPassword()).isFalse();

        AuthorizationRedirect again = identity.beginOidcLogin("mock");
        fixture.nextUser("alice-sub", Map.of("email", "alice@example.org", "email_verified", true));
        Map<String, String> second = fixture.authorize(again);
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
        fixture.nextUser("bob-at-provider", Map.of("email", "bob@example.org", "email_verified", false));
        Map<String, String> cb = fixture.authorize(unverified);
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not verified");

        AuthorizationRedirect verified = identity.beginOidcLogin("mock");
        fixture.nextUser("bob-at-provider", Map.of("email", "bob@example.org", "email_verified", true));
        Map<String, String> cb2 = fixture.authorize(verified);
        TokenPair tokens = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(tokens.accessToken()).userId()).isEqualTo(bob.id());
    }

    @Test
    void anUnknownStateIsRejected() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        fixture.nextUser("eve", Map.of("email", "eve@example.org", "email_verified", true));
        Map<String, String> cb = fixture.authorize(redirect);
        assertThatThrownBy(() -> identity.completeOidcLogin("forged-state", cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("unknown or expired login state");
        assertThatThrownBy(() -> identity.completeOidcLogin(null, cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.beginOidcLogin("nope")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCodeVerifierThatDoesNotMatchTheChallengeIsRefusedByTheProvider() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        fixture.nextUser("mallory", Map.of("email", "mallory@example.org", "email_verified", true));
        Map<String, String> cb = fixture.authorize(redirect);
        // As if an attacker who intercepted the code redeemed it without the verifier the challenge was made from.
        db.update("tamper", "UPDATE oidc_logins SET code_verifier = ? WHERE state = ?", Secrets.randomToken(48),
                redirect.state());
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("HTTP 400");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRejected() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("mock");
        fixture.nextUser("trudy", Map.of("email", "trudy@example.org", "email_verified", true));
        Map<String, String> cb = fixture.authorize(redirect);
        // As if the ID token had been minted for another login (replayed or injected).
        db.update("tamper", "UPDATE oidc_logins SET nonce = ? WHERE state = ?", "another-nonce", redirect.state());
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("wrong nonce");
    }
}
