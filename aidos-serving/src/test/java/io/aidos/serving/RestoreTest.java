package io.aidos.serving;

import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.Variant;
import io.aidos.api.VariantRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
}
