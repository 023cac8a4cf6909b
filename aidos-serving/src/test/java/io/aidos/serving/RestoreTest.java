package io.aidos.serving;

import io.aidos.api.AiDos;
import io.aidos.api.Autoscaling;
import io.aidos.api.Batching;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentSpec;
import io.aidos.api.RollbackPolicy;
import io.aidos.api.Variant;
import io.aidos.api.VariantRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Deployment state is stored: running deployments come back after a restart with their traffic plan. */
class RestoreTest {
    @TempDir
    Path temp;

    @Test
    void runningDeploymentsStartAgainWithTheirPlan() {
        Path store = temp.resolve("store");
        ServingFixture.trainIris(store);
        Map<String, Object> row;
        try (AiDos aidos = ServingFixture.open(store)) {
            row = ServingFixture.irisRows(aidos).get(0);
            Deployment d = aidos.deployer().deploy("kept").model("iris", "1").replicas(2).maxConcurrency(2).start();
            d.canary("iris", "2", 20);
            d.shadow("iris", "3", 5);
            aidos.deployer().deploy("stopped").model("iris", "1").start().stop();
            aidos.deployer().deploy("ab").model("iris", "1").start().split(Map.of("1", 30, "2", 70));
        }
        try (AiDos aidos = ServingFixture.open(store)) {
            assertThat(aidos.deployer().list()).extracting(Deployment::name).containsExactly("ab", "kept");
            Deployment d = aidos.deployer().get("kept");
            assertThat(d.spec().replicas()).isEqualTo(2);
            assertThat(d.spec().maxConcurrency()).isEqualTo(2);
            assertThat(d.variants()).extracting(Variant::id, Variant::role, Variant::percent, Variant::replicas)
                    .containsExactly(tuple("iris:1", VariantRole.PRIMARY, 80, 2),
                            tuple("iris:2", VariantRole.CANARY, 20, 2), tuple("iris:3", VariantRole.SHADOW, 5, 2));
            assertThat(d.stats().lastEvent()).contains("shadow iris:3");
            assertThat(d.predict(row).label()).isEqualTo("setosa");
            assertThat(aidos.deployer().get("ab").variants()).extracting(Variant::id, Variant::percent)
                    .containsExactly(tuple("iris:1", 30), tuple("iris:2", 70));
            assertThat(aidos.deployer().exists("stopped")).isFalse();
            d.promote();
        }
        try (AiDos aidos = ServingFixture.open(store)) {
            assertThat(aidos.deployer().get("kept").variants()).extracting(Variant::id)
                    .isEqualTo(List.of("iris:2", "iris:3"));
        }
    }

    @Test
    void limitsUnderAMillisecondComeBackAsTheyWereSet() {
        Path store = temp.resolve("store");
        ServingFixture.trainIris(store);
        DeploymentSpec spec;
        try (AiDos aidos = ServingFixture.open(store)) {
            spec = aidos.deployer().deploy("fine").model("iris", "1")
                    .autoscaling(new Autoscaling(1, 3, 2, Duration.ofNanos(1_500_000), Duration.ofNanos(700_000),
                            Duration.ofNanos(250_000)))
                    .batching(8, Duration.ofNanos(1_500))
                    .autoRollback(new RollbackPolicy(0.1, Duration.ofNanos(400_000), 7, Duration.ofNanos(2_500_000)))
                    .start().spec();
        }
        try (AiDos aidos = ServingFixture.open(store)) {
            assertThat(aidos.deployer().get("fine").spec()).isEqualTo(spec);
        }
    }

    @Test
    void aRowThatCannotBeReadDoesNotKeepTheOthersFromStarting() throws SQLException {
        Path store = temp.resolve("store");
        ServingFixture.trainIris(store);
        try (AiDos aidos = ServingFixture.open(store)) {
            aidos.deployer().deploy("broken").model("iris", "1").start();
            aidos.deployer().deploy("whole").model("iris", "1").start();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + store.resolve("aidos")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE deployments SET spec = '{\"name\": \"broken\"}'"
                    + " WHERE name = 'broken'")).isEqualTo(1);
        }
        try (AiDos aidos = ServingFixture.open(store)) {
            assertThat(aidos.deployer().list()).extracting(Deployment::name).containsExactly("whole");
            assertThat(aidos.deployer().get("whole").predict(ServingFixture.irisRows(aidos).get(0)).label())
                    .isEqualTo("setosa");
        }
    }
}
