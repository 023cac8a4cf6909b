package io.aidos.server.internal.auth;

import static io.aidos.server.internal.auth.Http.body;
import static io.aidos.server.internal.auth.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.core.internal.identity.PasswordHasher;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login throttling per address (429 RATE_LIMITED with Retry-After before the password is even checked), and an
 * expired access token answered with 401 TOKEN_EXPIRED, so a client knows to refresh.
 */
class LoginLimitsHttpTest {
    @TempDir
    Path temp;

    @Test
    void theLoginLimiterAnswers429WithRetryAfter() {
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("store"))) {
            Identity identity = Identity.open(((LocalAiDos) aidos).database(), IdentityConfig.builder()
                    .passwordHasher(new PasswordHasher(1024, 1, 1)).build());
            try (AidosServer server = AidosServer.builder(aidos).identity(identity)
                    .config(ServerConfig.builder().port(0).loginRateLimit(3, 0.01).build()).start()) {
                Http http = new Http(server.uri());
                String attempt = body("email", "eve@example.org", "password", "not the password at all");
                for (int i = 0; i < 3; i++) {
                    assertThat(http.send("POST", "/api/v1/auth/login", attempt, null).statusCode()).isEqualTo(401);
                }
                HttpResponse<String> limited = http.send("POST", "/api/v1/auth/login", attempt, null);
                assertThat(limited.statusCode()).isEqualTo(429);
                assertThat(json(limited).get("error_code").asText()).isEqualTo("RATE_LIMITED");
                long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
                assertThat(retryAfter).isBetween(1L, 100L);
            }
        }
    }

    @Test
    void anExpiredAccessTokenIsTokenExpired() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now().minus(Duration.ofHours(1)));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (AiDos aidos = AiDos.open("local:" + temp.resolve("store2"))) {
            Identity identity = Identity.open(((LocalAiDos) aidos).database(), IdentityConfig.builder()
                    .passwordHasher(new PasswordHasher(1024, 1, 1)).clock(clock).build());
            try (AidosServer server = AidosServer.builder(aidos).identity(identity)
                    .config(ServerConfig.builder().port(0).build()).start()) {
                Http http = new Http(server.uri());
                http.send("POST", "/api/v1/auth/register", body("email", "old@example.org", "password",
                        IdentityHttpTest.PASSWORD), null);
                String token = json(http.send("POST", "/api/v1/auth/login", body("email", "old@example.org",
                        "password", IdentityHttpTest.PASSWORD), null)).get("access_token").asText();
                assertThat(http.send("GET", "/api/v1/auth/me", null, token).statusCode()).isEqualTo(200);
                now.set(Instant.now());
                HttpResponse<String> expired = http.send("GET", "/api/v1/auth/me", null, token);
                assertThat(expired.statusCode()).isEqualTo(401);
                assertThat(json(expired).get("error_code").asText()).isEqualTo("TOKEN_EXPIRED");
                HttpResponse<String> forged = http.send("GET", "/api/v1/auth/me", null, token.substring(0,
                        token.length() - 3) + "abc");
                assertThat(json(forged).get("error_code").asText()).isIn("UNAUTHENTICATED", "TOKEN_EXPIRED");
                assertThat(json(http.send("GET", "/api/v1/auth/me", null, "not-a-jwt")).get("error_code").asText())
                        .isEqualTo("UNAUTHENTICATED");
            }
        }
    }
}
