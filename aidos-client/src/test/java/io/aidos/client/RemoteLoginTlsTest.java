package io.aidos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AuthenticationException;
import io.aidos.api.BackendUnavailableException;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.core.internal.identity.PasswordHasher;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.Role;
import io.aidos.core.internal.identity.User;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import io.aidos.core.TestKeystores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against an HTTPS server with identity: it trusts the server's self-signed certificate through
 * {@code tls.truststore}, logs in with {@link RemoteLogin} and works with the tokens; without the trust store the
 * handshake fails.
 */
class RemoteLoginTlsTest {
    private static final String PASSWORD = "correct horse battery staple";
    @TempDir
    Path temp;

    @Test
    void logsInOverHttpsTrustingACustomCertificate() throws Exception {
        Path[] stores = TestKeystores.create(temp);
        try (AiDos backend = AiDos.open(AiDosConfig.builder().uri("local:" + temp.resolve("store"))
                .trainingWorkers(0).build())) {
            Identity identity = Identity.open(((LocalAiDos) backend).database(), IdentityConfig.builder()
                    .passwordHasher(new PasswordHasher(1024, 1, 1)).build());
            User ana = identity.users().register("ana@example.org", PASSWORD);
            identity.organizations().setMember(Principal.localOwner(), Principal.LOCAL_ORG, ana.id(), Role.MEMBER);
            try (AidosServer server = AidosServer.builder(backend).identity(identity).config(ServerConfig.builder()
                    .port(0).tls(stores[0], TestKeystores.PASSWORD).build()).start()) {
                AiDosConfig trusting = AiDosConfig.builder().uri(server.uri())
                        .property("tls.truststore", stores[1].toString())
                        .property("tls.truststore-password", TestKeystores.PASSWORD).build();
                AiDosConfig session = RemoteLogin.login(trusting, "ana@example.org", PASSWORD, null);
                assertThat(session.apiKey()).isPresent();
                assertThat(session.properties()).containsKey("auth.refreshToken");
                assertThat(session.toString()).doesNotContain(session.apiKey().get());
                try (AiDos ana2 = AiDos.open(session)) {
                    ana2.datasets().create("tls").fromRows(List.of(Map.of("x", 1L))).commit("over https");
                    assertThat(ana2.datasets().list()).hasSize(1);
                }
                assertThatThrownBy(() -> RemoteLogin.login(trusting, "ana@example.org", PASSWORD + "x", null))
                        .isInstanceOf(AuthenticationException.class).hasMessageContaining("wrong email or password");
                assertThatThrownBy(() -> RemoteLogin.login(server.uri(), "ana@example.org", PASSWORD))
                        .as("the JVM's default trust store does not know the certificate")
                        .isInstanceOf(BackendUnavailableException.class);
            }
        }
    }
}
