package io.aidos.core.internal.identity;

import static io.aidos.core.internal.identity.LoginProviderFixture.CALLBACK;
import static io.aidos.core.internal.identity.LoginProviderFixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.aidos.api.AuthenticationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain OAuth 2 login (the way GitHub works: no discovery, no ID token) against mock-oauth2-server on
 * 127.0.0.1:0, configured by its {@code /authorize}, {@code /token} and {@code /userinfo} endpoints only: PKCE and
 * state, the code redeemed for an access token, the user read from user info, and linking to users.
 */
class OAuth2LoginTest {
    @TempDir
    Path temp;
    private LoginProviderFixture fixture;
    private HttpServer emailsApi;
    private final AtomicReference<String> emailsJson = new AtomicReference<>("[]");
    private final AtomicReference<String> emailsAuthorization = new AtomicReference<>();
    private Identity identity;

    @BeforeEach
    void start() throws Exception {
        fixture = LoginProviderFixture.start(temp.resolve("store"));
        emailsApi = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        emailsApi.createContext("/user/emails", ex -> { // GitHub's shape: [{email, primary, verified}]
            emailsAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = emailsJson.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        emailsApi.start();
        URI emails = URI.create("http://127.0.0.1:" + emailsApi.getAddress().getPort() + "/user/emails");
        identity = fixture.identity(IdentityConfig.builder()
                .oauth2Provider(plain("plain", fixture.base(), null))
                .oauth2Provider(plain("hub", fixture.base(), emails)));
    }

    /** The mock insists on scope openid (so it also returns an ID token, which a plain OAuth 2 login ignores). */
    private static OAuth2Provider plain(String name, String base, URI emails) {
        return new OAuth2Provider(name, CLIENT, "client-secret", List.of("openid", "email"), CALLBACK,
                URI.create(base + "/authorize"), URI.create(base + "/token"), URI.create(base + "/userinfo"), emails,
                "sub", "email", emails == null ? "email_verified" : null);
    }

    @AfterEach
    void stop() {
        emailsApi.stop(0);
        fixture.close();
    }

    @Test
    void aLoginReadsTheUserFromUserInfoAndLaterLoginsFindThem() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("plain");
        assertThat(redirect.uri().toString()).startsWith(fixture.base()
                + "/authorize?");
        assertThat(redirect.uri().getQuery()).contains("code_challenge_method=S256", "code_challenge=",
                "state=" + redirect.state(), "client_id=" + CLIENT, "scope=openid email").doesNotContain("nonce=");
        fixture.nextUser("dave-sub", Map.of("email", "Dave@Example.org", "email_verified", true));
        Map<String, String> cb = fixture.authorize(redirect);
        TokenPair tokens = identity.completeOidcLogin(cb.get("state"), cb.get("code"), "10.0.0.9");
        Principal dave = identity.authenticate(tokens.accessToken());
        assertThat(identity.users().get(dave.userId()).email()).isEqualTo("dave@example.org");
        assertThat(identity.users().get(dave.userId()).hasPassword()).isFalse();

        // Later: found by the (provider, subject) link even though the email changed at the provider.
        AuthorizationRedirect again = identity.beginOidcLogin("plain");
        fixture.nextUser("dave-sub", Map.of("email", "dave@elsewhere.org", "email_verified", false));
        Map<String, String> cb2 = fixture.authorize(again);
        TokenPair later = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(later.accessToken()).userId()).isEqualTo(dave.userId());
        assertThatThrownBy(() -> identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("state");
    }

    @Test
    void anUnverifiedEmailDoesNotLinkAnExistingUserAndAVerifiedOneDoes() throws Exception {
        User erin = identity.users().register("erin@example.org", "correct horse battery staple");
        AuthorizationRedirect unverified = identity.beginOidcLogin("plain");
        fixture.nextUser("erin-at-provider", Map.of("email", "erin@example.org")); // says nothing about verification
        Map<String, String> cb = fixture.authorize(unverified);
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not verified");

        AuthorizationRedirect verified = identity.beginOidcLogin("plain");
        fixture.nextUser("erin-at-provider", Map.of("email", "erin@example.org", "email_verified", true));
        Map<String, String> cb2 = fixture.authorize(verified);
        TokenPair tokens = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(tokens.accessToken()).userId()).isEqualTo(erin.id());
    }

    @Test
    void theEmailComesFromThePrimaryEntryOfTheEmailsListAndLinksOnlyWhenVerified() throws Exception {
        User frank = identity.users().register("frank@example.org", "correct horse battery staple");
        emailsJson.set("[{\"email\":\"other@example.org\",\"primary\":false,\"verified\":true},"
                + "{\"email\":\"frank@example.org\",\"primary\":true,\"verified\":false}]");
        AuthorizationRedirect first = identity.beginOidcLogin("hub");
        // not trusted: the emails list has no such field
        fixture.nextUser("4242", Map.of("email", "frank@example.org", "email_verified", true));
        Map<String, String> cb = fixture.authorize(first);
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not verified");
        assertThat(emailsAuthorization.get()).startsWith("Bearer ");

        emailsJson.set("[{\"email\":\"frank@example.org\",\"primary\":true,\"verified\":true}]");
        AuthorizationRedirect second = identity.beginOidcLogin("hub");
        fixture.nextUser("4242", Map.of());
        Map<String, String> cb2 = fixture.authorize(second);
        TokenPair tokens = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(tokens.accessToken()).userId()).isEqualTo(frank.id());
    }

    @Test
    void aForeignStateAndACodeFromAnotherLoginAreRefused() throws Exception {
        AuthorizationRedirect mine = identity.beginOidcLogin("plain");
        fixture.nextUser("grace", Map.of("email", "grace@example.org", "email_verified", true));
        Map<String, String> myCallback = fixture.authorize(mine);
        AuthorizationRedirect other = identity.beginOidcLogin("plain");
        fixture.nextUser("heidi", Map.of("email", "heidi@example.org", "email_verified", true));
        Map<String, String> otherCallback = fixture.authorize(other);

        assertThatThrownBy(() -> identity.completeOidcLogin("forged-state", myCallback.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("unknown or expired login state");
        // The other login's code with my state: its PKCE challenge was made from the other verifier.
        assertThatThrownBy(() -> identity.completeOidcLogin(mine.state(), otherCallback.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("HTTP 400");
        assertThat(identity.users().findByEmail("heidi@example.org")).isEmpty();
    }

    @Test
    void gitHubIsConfiguredWithItsRealEndpointsAndFields() {
        OAuth2Provider github = OAuth2Provider.github("id", "secret", CALLBACK);
        assertThat(github.name()).isEqualTo("github");
        assertThat(github.authorizationUri()).hasToString("https://github.com/login/oauth/authorize");
        assertThat(github.tokenUri()).hasToString("https://github.com/login/oauth/access_token");
        assertThat(github.userInfoUri()).hasToString("https://api.github.com/user");
        assertThat(github.emailsUri()).hasToString("https://api.github.com/user/emails");
        assertThat(github.subjectField()).isEqualTo("id");
        assertThat(github.emailVerifiedField()).isNull();
        assertThat(github.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> new OAuth2Provider("x", "c", null, List.of(), CALLBACK,
                URI.create("http://github.example.org/a"), github.tokenUri(), github.userInfoUri(), null, "id",
                "email", null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorizationUri");
    }
}
