package io.aidos.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDosConfig;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.serving.internal.deploy.LocalDeployer;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organization views share one config: only the {@code local} organization's deployer takes a fixed serving.port. */
class OrganizationDeployersTest {
    @TempDir
    Path temp;

    @Test
    void onlyTheLocalOrganizationBindsTheConfiguredServingPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (LocalAiDos aidos = LocalAiDos.open(AiDosConfig.builder().uri("local:" + temp.resolve("store"))
                .trainingWorkers(0).property("serving.port", Integer.toString(port)).build())) {
            Identity identity = Identity.open(aidos.database(), IdentityConfig.builder().build());
            String owner = identity.users().register("ana@a.example", "Tenant-Passphrase-4242").id();
            String a = identity.organizations().create("org-a", owner).id();
            String b = identity.organizations().create("org-b", owner).id();

            LocalDeployer local = (LocalDeployer) aidos.deployer();
            LocalDeployer ofA = (LocalDeployer) aidos.forOrganization(a).deployer();
            LocalDeployer ofB = (LocalDeployer) aidos.forOrganization(b).deployer();
            assertThat(local.baseUri().getPort()).isEqualTo(port);
            assertThat(ofA.baseUri().getPort()).isPositive().isNotEqualTo(port);
            assertThat(ofB.baseUri().getPort()).isPositive().isNotIn(port, ofA.baseUri().getPort());
        }
    }
}
