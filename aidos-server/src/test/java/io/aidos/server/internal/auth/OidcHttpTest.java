package io.aidos.server.internal.auth;

import static io.aidos.server.internal.auth.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.core.internal.identity.OAuth2Provider;
import io.aidos.core.internal.identity.OidcProvider;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenID Connect login through the server against a real provider (mock-oauth2-server on 127.0.0.1): begin
 * redirects with state and PKCE, the provider redirects back to the server's callback, which answers with tokens.
 * The same routes serve a plain OAuth 2 provider (no ID token; the user comes from user info).
 */
class OidcHttpTest {
    @TempDir
    Path temp;

    @Test
    void beginRedirectsAndTheCallbackLogsIn() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort(); // the callback URL must be known before the server starts
        }
        URI callback = URI.create("http://127.0.0.1:" + port + "/api/v1/auth/oidc/callback");
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("store"))) {
            Identity identity = Identity.open(((LocalAiDos) aidos).database(), IdentityConfig.builder()
                    .oidcProvider(OidcProvider.of("mock", URI.create(provider.issuerUrl("default").toString()),
                            "aidos-client", "client-secret", callback)).build());
            try (AidosServer server = AidosServer.builder(aidos).identity(identity)
                    .config(ServerConfig.builder().port(port).build()).start()) {
                Http http = new Http(server.uri());
                HttpResponse<String> begin = http.send("GET", "/api/v1/auth/oidc/mock/begin", null, null);
                assertThat(begin.statusCode()).isEqualTo(302);
                String location = begin.headers().firstValue("Location").orElseThrow();
                assertThat(location).startsWith(provider.issuerUrl("default").toString())
                        .contains("code_challenge_method=S256", "state=", "nonce=");

                provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "carol-sub", "JWT",
                        List.of("aidos-client"), Map.of("email", "carol@example.org", "email_verified", true), 3600));
                HttpResponse<String> atProvider = http.send("GET", location, null, null);
                assertThat(atProvider.statusCode()).isEqualTo(302);
                String back = atProvider.headers().firstValue("Location").orElseThrow();
                assertThat(back).startsWith(callback.toString());

                HttpResponse<String> done = http.send("GET", back, null, null);
                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
                String access = json(done).get("access_token").asText();
                assertThat(json(http.send("GET", "/api/v1/auth/me", null, access)).get("email").asText())
                        .isEqualTo("carol@example.org");
                // the same state twice: refused
                assertThat(http.send("GET", back, null, null).statusCode()).isEqualTo(401);
                assertThat(http.send("GET", "/api/v1/auth/oidc/nope/begin", null, null).statusCode()).isEqualTo(400);
            }
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void aPlainOAuth2ProviderLogsInThroughTheSameRoutes() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        URI callback = URI.create("http://127.0.0.1:" + port + "/api/v1/auth/oidc/callback");
        String base = provider.issuerUrl("default").toString().replaceAll("/+$", "");
        // No discovery and no ID token: the mock's endpoints as a GitHub-like provider (the mock requires openid).
        OAuth2Provider plain = new OAuth2Provider("plain", "aidos-client", "client-secret", List.of("openid", "email"),
                callback, URI.create(base + "/authorize"), URI.create(base + "/token"), URI.create(base + "/userinfo"),
                null, "sub", "email", "email_verified");
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("store"))) {
            Identity identity = Identity.open(((LocalAiDos) aidos).database(), IdentityConfig.builder()
                    .oauth2Provider(plain).build());
            try (AidosServer server = AidosServer.builder(aidos).identity(identity)
                    .config(ServerConfig.builder().port(port).build()).start()) {
                Http http = new Http(server.uri());
                HttpResponse<String> begin = http.send("GET", "/api/v1/auth/oidc/plain/begin", null, null);
                assertThat(begin.statusCode()).isEqualTo(302);
                String location = begin.headers().firstValue("Location").orElseThrow();
                assertThat(location).startsWith(base + "/authorize?").contains("code_challenge_method=S256", "state=")
                        .doesNotContain("nonce=");

                provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "dan-sub", "JWT",
                        List.of("aidos-client"), Map.of("email", "dan@example.org", "email_verified", true), 3600));
                String back = http.send("GET", location, null, null).headers().firstValue("Location").orElseThrow();
                assertThat(back).startsWith(callback.toString());
                HttpResponse<String> done = http.send("GET", back, null, null);
                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
                String access = json(done).get("access_token").asText();
                assertThat(json(http.send("GET", "/api/v1/auth/me", null, access)).get("email").asText())
                        .isEqualTo("dan@example.org");
                assertThat(http.send("GET", back, null, null).statusCode()).isEqualTo(401);
            }
        } finally {
            provider.shutdown();
        }
    }
}
