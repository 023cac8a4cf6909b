package io.aidos.core.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AiDosException;
import io.aidos.api.Run;
import io.aidos.core.internal.LocalAiDos;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-behind metric path: failures lose nothing, many keys per batch, batches split into chunks. */
class MetricWriterTest {
    @TempDir
    Path temp;

    private AiDos open() {
        return AiDos.open(AiDosConfig.builder().uri("local:" + temp.resolve("store")).metricBatchSize(1000).build());
    }

    @Test
    void aFailedWriteKeepsItsPointsAndTheNextFlushWritesThem() {
        try (AiDos aidos = open()) {
            var db = ((LocalAiDos) aidos).database();
            Run run = aidos.experiments().getOrCreate("failing").startRun();
            run.logMetric("loss", 1, 1);
            run.flush();
            db.update("break", "ALTER TABLE metric_chunks RENAME TO metric_chunks_away");
            for (int i = 2; i <= 2500; i++) {
                run.logMetric("loss", i, i); // full batches are queued and fail in the background
            }
            assertThatThrownBy(run::flush).isInstanceOf(AiDosException.class);
            db.update("repair", "ALTER TABLE metric_chunks_away RENAME TO metric_chunks");
            run.flush();
            assertThat(run.metricHistory("loss")).hasSize(2500)
                    .extracting(p -> p.step()).isSorted().doesNotHaveDuplicates();
            assertThat(run.metrics()).containsEntry("loss", 2500.0);
        }
    }

    @Test
    void manyKeysInOneBatchAndBatchesLargerThanAChunk() {
        try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri("local:" + temp.resolve("big"))
                .metricBatchSize(200_000).build())) {
            Run run = aidos.experiments().getOrCreate("keys").startRun();
            for (int i = 0; i < 4000; i++) {
                run.logMetric("k" + (i % 40), i, i); // 40 keys: past the linear-scan limit of KeyGroups
            }
            for (int i = 0; i < 120_000; i++) {
                run.logMetric("long", i, i); // one key, more points than one chunk row holds
            }
            run.flush();
            for (int k = 0; k < 40; k++) {
                assertThat(run.metricHistory("k" + k)).hasSize(100);
            }
            assertThat(run.metricHistory("long")).hasSize(120_000).extracting(p -> p.value())
                    .startsWith(0.0, 1.0, 2.0).endsWith(119_999.0);
            assertThat(run.metrics()).hasSize(41).containsEntry("k39", 3999.0);
        }
    }
}
