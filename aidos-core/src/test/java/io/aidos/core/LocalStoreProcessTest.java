package io.aidos.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store across processes: crash durability and exclusive access. */
class LocalStoreProcessTest {
    @TempDir
    Path temp;

    @Test
    void whatFlushReturnedForSurvivesKillDashNine() throws Exception {
        Path store = temp.resolve("store");
        int flushed = 20_000;
        String runId;
        try (ChildJvm child = new ChildJvm("log-then-hang", store.toString(), Integer.toString(flushed))) {
            runId = child.awaitLine("FLUSHED ").substring("FLUSHED ".length()).trim();
            child.kill();
        }
        try (AiDos aidos = AiDos.open("local:" + store)) {
            Run run = aidos.experiments().getRun(runId);
            assertThat(run.params()).containsEntry("points", Integer.toString(flushed));
            List<MetricPoint> loss = run.metricHistory("loss");
            assertThat(loss.size()).isGreaterThanOrEqualTo(flushed);
            for (int i = 0; i < flushed; i++) {
                assertThat(loss.get(i).step()).isEqualTo(i);
                assertThat(loss.get(i).value()).isEqualTo(i);
            }
        }
    }

    @Test
    void aSecondProcessGetsAClearErrorAndTheStoreStaysIntact() throws Exception {
        Path store = temp.resolve("store");
        try (AiDos aidos = AiDos.open("local:" + store)) {
            aidos.experiments().getOrCreate("held").startRun().logMetric("x", 1).close();
            try (ChildJvm child = new ChildJvm("open", store.toString())) {
                String outcome = child.awaitLine("");
                assertThat(outcome).startsWith("FAILED io.aidos.api.BackendUnavailableException")
                        .contains("already open in another process");
            }
            assertThat(aidos.experiments().get("held").runs()).hasSize(1);
        }
        try (ChildJvm child = new ChildJvm("open", store.toString())) {
            assertThat(child.awaitLine("OPENED")).isEqualTo("OPENED 1");
        }
    }
}
