package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.aidos.api.AiDos;
import io.aidos.api.AuthenticationException;
import io.aidos.core.internal.LocalAiDos;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
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
    private static final String CLIENT = "aidos-client";
    private static final URI CALLBACK = URI.create("http://127.0.0.1:1/api/v1/auth/oidc/callback");
    @TempDir
    Path temp;
    private MockOAuth2Server provider;
    private HttpServer emailsApi;
    private final AtomicReference<String> emailsJson = new AtomicReference<>("[]");
    private final AtomicReference<String> emailsAuthorization = new AtomicReference<>();
    private AiDos aidos;
    private Identity identity;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
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
        aidos = AiDos.open("local:" + temp.resolve("store"));
        String base = provider.issuerUrl("default").toString().replaceAll("/+$", "");
        URI emails = URI.create("http://127.0.0.1:" + emailsApi.getAddress().getPort() + "/user/emails");
        identity = Identity.open(((LocalAiDos) aidos).database(), IdentityConfig.builder()
                .passwordHasher(new PasswordHasher(1024, 1, 1))
                .oauth2Provider(plain("plain", base, null))
                .oauth2Provider(plain("hub", base, emails)).build());
    }

    /** The mock insists on scope openid (so it also returns an ID token, which a plain OAuth 2 login ignores). */
    private static OAuth2Provider plain(String name, String base, URI emails) {
        return new OAuth2Provider(name, CLIENT, "client-secret", List.of("openid", "email"), CALLBACK,
                URI.create(base + "/authorize"), URI.create(base + "/token"), URI.create(base + "/userinfo"), emails,
                "sub", "email", emails == null ? "email_verified" : null);
    }

    @AfterEach
    void stop() {
        aidos.close();
        emailsApi.stop(0);
        provider.shutdown();
    }

    private void nextUser(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT), claims,
                3600));
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
    void aLoginReadsTheUserFromUserInfoAndLaterLoginsFindThem() throws Exception {
        AuthorizationRedirect redirect = identity.beginOidcLogin("plain");
        assertThat(redirect.uri().toString()).startsWith(provider.issuerUrl("default").toString().replaceAll("/+$", "")
                + "/authorize?");
        assertThat(redirect.uri().getQuery()).contains("code_challenge_method=S256", "code_challenge=",
                "state=" + redirect.state(), "client_id=" + CLIENT, "scope=openid email").doesNotContain("nonce=");
        nextUser("dave-sub", Map.of("email", "Dave@Example.org", "email_verified", true));
        Map<String, String> cb = authorize(redirect);
        TokenPair tokens = identity.completeOidcLogin(cb.get("state"), cb.get("code"), "10.0.0.9");
        Principal dave = identity.authenticate(tokens.accessToken());
        assertThat(identity.users().get(dave.userId()).email()).isEqualTo("dave@example.org");
        assertThat(identity.users().get(dave.userId()).hasPassword()).isFalse();

        // Later: found by the (provider, subject) link even though the email changed at the provider.
        AuthorizationRedirect again = identity.beginOidcLogin("plain");
        nextUser("dave-sub", Map.of("email", "dave@elsewhere.org", "email_verified", false));
        Map<String, String> cb2 = authorize(again);
        TokenPair later = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(later.accessToken()).userId()).isEqualTo(dave.userId());
        assertThatThrownBy(() -> identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("state");
    }

    @Test
    void anUnverifiedEmailDoesNotLinkAnExistingUserAndAVerifiedOneDoes() throws Exception {
        User erin = identity.users().register("erin@example.org", "correct horse battery staple");
        AuthorizationRedirect unverified = identity.beginOidcLogin("plain");
        nextUser("erin-at-provider", Map.of("email", "erin@example.org")); // says nothing about verification
        Map<String, String> cb = authorize(unverified);
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not verified");

        AuthorizationRedirect verified = identity.beginOidcLogin("plain");
        nextUser("erin-at-provider", Map.of("email", "erin@example.org", "email_verified", true));
        Map<String, String> cb2 = authorize(verified);
        TokenPair tokens = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(tokens.accessToken()).userId()).isEqualTo(erin.id());
    }

    @Test
    void theEmailComesFromThePrimaryEntryOfTheEmailsListAndLinksOnlyWhenVerified() throws Exception {
        User frank = identity.users().register("frank@example.org", "correct horse battery staple");
        emailsJson.set("[{\"email\":\"other@example.org\",\"primary\":false,\"verified\":true},"
                + "{\"email\":\"frank@example.org\",\"primary\":true,\"verified\":false}]");
        AuthorizationRedirect first = identity.beginOidcLogin("hub");
        nextUser("4242", Map.of("email", "frank@example.org", "email_verified", true)); // not trusted: no such field
        Map<String, String> cb = authorize(first);
        assertThatThrownBy(() -> identity.completeOidcLogin(cb.get("state"), cb.get("code"), null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not verified");
        assertThat(emailsAuthorization.get()).startsWith("Bearer ");

        emailsJson.set("[{\"email\":\"frank@example.org\",\"primary\":true,\"verified\":true}]");
        AuthorizationRedirect second = identity.beginOidcLogin("hub");
        nextUser("4242", Map.of());
        Map<String, String> cb2 = authorize(second);
        TokenPair tokens = identity.completeOidcLogin(cb2.get("state"), cb2.get("code"), null);
        assertThat(identity.authenticate(tokens.accessToken()).userId()).isEqualTo(frank.id());
    }

    @Test
    void aForeignStateAndACodeFromAnotherLoginAreRefused() throws Exception {
        AuthorizationRedirect mine = identity.beginOidcLogin("plain");
        nextUser("grace", Map.of("email", "grace@example.org", "email_verified", true));
        Map<String, String> myCallback = authorize(mine);
        AuthorizationRedirect other = identity.beginOidcLogin("plain");
        nextUser("heidi", Map.of("email", "heidi@example.org", "email_verified", true));
        Map<String, String> otherCallback = authorize(other);

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
