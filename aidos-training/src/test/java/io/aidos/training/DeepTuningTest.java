package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.EarlyStopping;
import io.aidos.api.Goal;
import io.aidos.api.RunStatus;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import io.aidos.api.Task;
import io.aidos.api.TuningResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Early stopping on real per-epoch curves: an MLP search where hopeless learning rates are cut at a rung. Trials run
 * 60 epochs (seconds each), far longer than the coordinator needs to notice a rung and a worker to see the cancel.
 */
class DeepTuningTest {
    @TempDir
    Path temp;

    @Test
    void ashaStopsTrialsWhoseLearningRateCannotLearn() {
        try (AiDos aidos = TrainingFixture.open(temp.resolve("store"), 1)) {
            TrainingFixture.importBundled(aidos, "breast_cancer", temp);
            TuningResult r = aidos.trainer().tune().dataset("breast_cancer").target("diagnosis")
                    .task(Task.CLASSIFICATION).algorithm("mlp").param("epochs", 60).param("batch_size", 4)
                    .param("momentum", 0.0).experiment("mlp-search")
                    .space(SearchSpace.builder().choice("learning_rate", 0.05, 1e-6, 2e-6, 3e-6).build())
                    .objective("accuracy", Goal.MAXIMIZE).strategy(SearchStrategy.GRID)
                    .earlyStopping(EarlyStopping.ASHA).maxTrials(4).submit().await(Duration.ofMinutes(3));
            assertThat(r.trials()).isEqualTo(4);
            assertThat(r.stoppedEarly()).isGreaterThanOrEqualTo(1);
            assertThat(r.bestParams()).containsEntry("learning_rate", 0.05);
            assertThat(r.bestValue()).isGreaterThan(0.9);
            assertThat(r.bestRun().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(aidos.experiments().get("mlp-search").runs()).filteredOn(run -> run.status() == RunStatus.KILLED)
                    .hasSize(r.stoppedEarly());
        }
    }
}
