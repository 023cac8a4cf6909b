package io.aidos.server.internal.auth;

import static io.aidos.server.internal.auth.Http.body;
import static io.aidos.server.internal.auth.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AiDos;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.core.internal.identity.PasswordHasher;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import io.aidos.server.internal.mlflow.MlflowRouteGroup;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class's server with identity (a cheap Argon2 setting, a lenient login limiter) and the MLflow routes on an
 * embedded store, started once for its tests; users register and log in over HTTP.
 */
abstract class IdentityServerTest {
    static final String PASSWORD = "correct horse battery staple";
    static final AtomicInteger USERS = new AtomicInteger();
    @TempDir
    static Path temp;
    static AiDos aidos;
    static Identity identity;
    static AidosServer server;
    static Http http;

    @BeforeAll
    static void start() {
        aidos = AiDos.open("local:" + temp.resolve("store"));
        identity = Identity.open(((LocalAiDos) aidos).database(), IdentityConfig.builder()
                .passwordHasher(new PasswordHasher(1024, 1, 1)).build());
        server = AidosServer.builder(aidos).config(ServerConfig.builder().port(0).loginRateLimit(1000, 1000).build())
                .identity(identity).routes(new MlflowRouteGroup()).start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        aidos.close();
    }

    static String newEmail() {
        return "user" + USERS.incrementAndGet() + "@example.org";
    }

    /** Registers over HTTP; returns the user id. */
    static String register(String email) {
        HttpResponse<String> r = http.send("POST", "/api/v1/auth/register", body("email", email, "password", PASSWORD),
                null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asText();
    }

    static JsonNode login(String email) {
        HttpResponse<String> r = http.send("POST", "/api/v1/auth/login", body("email", email, "password", PASSWORD),
                null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }
}
