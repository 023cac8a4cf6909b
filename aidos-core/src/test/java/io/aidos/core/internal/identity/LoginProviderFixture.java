package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
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

/**
 * What the OIDC and plain OAuth 2 login tests share: mock-oauth2-server on 127.0.0.1:0 as the provider, a store
 * with an {@link Identity} on it, and a browser that follows an authorization URL to the callback.
 */
final class LoginProviderFixture implements AutoCloseable {
    static final String CLIENT = "aidos-client";
    static final URI CALLBACK = URI.create("http://127.0.0.1:1/api/v1/auth/oidc/callback");

    final MockOAuth2Server provider;
    final AiDos aidos;
    final Database db;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private LoginProviderFixture(MockOAuth2Server provider, AiDos aidos) {
        this.provider = provider;
        this.aidos = aidos;
        this.db = ((LocalAiDos) aidos).database();
    }

    /** Starts the provider and opens a store in {@code folder}. */
    static LoginProviderFixture start(Path folder) throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        return new LoginProviderFixture(provider, AiDos.open("local:" + folder));
    }

    /** The provider's issuer URL, as discovery finds it. */
    URI issuer() {
        return URI.create(provider.issuerUrl("default").toString());
    }

    /** The issuer URL without its trailing slash: where {@code /authorize}, {@code /token}, ... are. */
    String base() {
        return provider.issuerUrl("default").toString().replaceAll("/+$", "");
    }

    /** Identity on the store with {@code config}'s providers and a fast password hasher. */
    Identity identity(IdentityConfig.Builder config) {
        return Identity.open(db, config.passwordHasher(new PasswordHasher(1024, 1, 1)).build());
    }

    /** The provider will issue tokens for {@code subject} with these claims and audience. */
    void nextUser(String subject, List<String> audience, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", audience, claims, 3600));
    }

    /** The provider will issue tokens for {@code subject} with these claims, for {@link #CLIENT}. */
    void nextUser(String subject, Map<String, Object> claims) {
        nextUser(subject, List.of(CLIENT), claims);
    }

    /** Follows the authorization URL as a browser would; returns the callback's query parameters. */
    Map<String, String> authorize(AuthorizationRedirect redirect) throws Exception {
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

    @Override
    public void close() {
        aidos.close();
        provider.shutdown();
    }
}
