package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.ArtifactInfo;
import io.aidos.api.JobFailedException;
import io.aidos.api.JobStatus;
import io.aidos.api.MetricPoint;
import io.aidos.api.Predictor;
import io.aidos.api.RunStatus;
import io.aidos.api.Task;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import io.aidos.core.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** DJL training through real jobs: per-epoch metrics and log lines, checkpoints with the run, prompt cancel. */
class DeepLearningJobTest {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    @TempDir
    Path temp;
    AiDos aidos;

    @BeforeEach
    void open() {
        aidos = TrainingFixture.open(temp.resolve("store"), 1);
    }

    @AfterEach
    void close() {
        aidos.close();
    }

    @Test
    void mlpJobLogsEveryEpochCheckpointsAndItsModelPredicts() {
        var data = TrainingFixture.importBundled(aidos, "breast_cancer", temp);
        TrainingJob job = aidos.trainer().dataset("breast_cancer").target("diagnosis").task(Task.CLASSIFICATION)
                .algorithm("mlp").param("epochs", 8).param("checkpoint_every", 4).registerAs("bc-mlp").submit();
        List<String> log = job.logs().toList();
        TrainingResult r = job.await(Duration.ofMinutes(2));

        assertThat(log).anyMatch(l -> l.startsWith("epoch 1/8 train_loss="))
                .anyMatch(l -> l.startsWith("epoch 8/8 train_loss="))
                .anyMatch(l -> l.startsWith("checkpoint after epoch 4 stored with run " + r.run().id()));
        List<MetricPoint> losses = r.run().metricHistory("train_loss");
        assertThat(losses).extracting(MetricPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(losses.get(7).value()).isLessThan(losses.get(0).value());
        assertThat(r.run().metricHistory("val_accuracy")).hasSize(8);
        assertThat(r.metrics().get("accuracy")).isGreaterThan(0.9);
        assertThat(r.run().artifacts()).extracting(ArtifactInfo::path)
                .anyMatch(p -> p.startsWith("checkpoints/epoch-00004/"))
                .anyMatch(p -> p.startsWith("checkpoints/epoch-00008/"))
                .contains("model/aidos-model.json").noneMatch(p -> p.equals("model/model.onnx"));
        try (Predictor p = aidos.models().load("bc-mlp", "1")) {
            var row = ClassicTrainingTest.asMap(data.rows().findFirst().orElseThrow());
            assertThat(p.predict(row).label()).isIn("benign", "malignant");
            assertThat(p.predict(row).scores().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void cancellingARunningJobStopsItPromptlyAfterACheckpoint() throws Exception {
        TrainingFixture.importBundled(aidos, "breast_cancer", temp);
        TrainingJob job = aidos.trainer().dataset("breast_cancer").target("diagnosis").task(Task.CLASSIFICATION)
                .algorithm("mlp").param("epochs", 100_000).param("batch_size", 8).param("checkpoint_every", 1000)
                .submit();
        Await.until("two epochs", Duration.ofMinutes(2),
                () -> job.logLines(0).stream().anyMatch(l -> l.line().startsWith("epoch 2/")));
        long asked = System.nanoTime();
        assertThat(job.cancel()).isIn(JobStatus.RUNNING, JobStatus.CANCELLED);
        assertThatThrownBy(() -> job.await(Duration.ofSeconds(30))).isInstanceOf(JobFailedException.class)
                .hasMessageContaining("CANCELLED");
        assertThat((System.nanoTime() - asked) / 1e9).as("seconds from cancel to CANCELLED").isLessThan(15);
        var run = aidos.experiments().searchRuns(io.aidos.api.RunQuery.in("Default")).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.KILLED);
        assertThat(run.tags()).containsKey("aidos.checkpoint_epoch"); // the last finished epoch was kept
        assertThat(job.logLines(0)).anyMatch(l -> l.line().startsWith("checkpoint after epoch"));
    }

    @Test
    void aJobStoppedByAShutdownIsQueuedAgainAndResumesFromItsCheckpoint() throws Exception {
        TrainingFixture.importBundled(aidos, "breast_cancer", temp);
        TrainingJob job = aidos.trainer().dataset("breast_cancer").target("diagnosis").task(Task.CLASSIFICATION)
                .algorithm("mlp").param("epochs", 60).param("batch_size", 8).param("checkpoint_every", 2)
                .registerAs("bc").submit();
        String id = job.id();
        Await.until("a checkpoint", Duration.ofMinutes(2),
                () -> job.logLines(0).stream().anyMatch(l -> l.line().startsWith("checkpoint after epoch")));
        aidos.close(); // the worker asks the job to stop: it stores its checkpoint and goes back to the queue

        aidos = TrainingFixture.open(temp.resolve("store"), 0);
        TrainingJob stopped = aidos.trainer().job(id);
        assertThat(stopped.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(stopped.attempts()).as("a shutdown uses no attempt").isZero();
        aidos.close();

        aidos = TrainingFixture.open(temp.resolve("store"), 1);
        TrainingResult r = aidos.trainer().job(id).await(Duration.ofMinutes(2));
        List<String> log = aidos.trainer().job(id).logLines(0).stream().map(l -> l.line()).toList();
        assertThat(log).anyMatch(l -> l.startsWith("stopped (worker shutting down"))
                .anyMatch(l -> l.startsWith("resuming from the checkpoint after epoch"))
                .anyMatch(l -> l.startsWith("epoch 60/60"));
        assertThat(log.stream().filter(l -> l.startsWith("epoch 1/60"))).as("epoch 1 ran once").hasSize(1);
        assertThat(r.run().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(aidos.experiments().get("Default").runs()).as("one run for both attempts").hasSize(1);
        assertThat(r.metrics().get("accuracy")).isGreaterThan(0.9);
    }

    @Test
    void cnnTrainsOnImportedFashionMnistImages() {
        assumeThat(FASHION.resolve("train-images-idx3-ubyte.gz"))
                .as("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist); skipping").exists();
        aidos.datasets().create("fashion").fromIdx(FASHION.resolve("train-images-idx3-ubyte.gz"),
                FASHION.resolve("train-labels-idx1-ubyte.gz"), 1500).commit("first 1,500 images");
        TrainingResult r = aidos.trainer().dataset("fashion").target("label").task(Task.CLASSIFICATION)
                .algorithm("cnn").param("epochs", 2).submit().await(Duration.ofMinutes(3));
        List<MetricPoint> losses = r.run().metricHistory("train_loss");
        assertThat(losses).hasSize(2);
        assertThat(losses.get(1).value()).isLessThan(losses.get(0).value());
        assertThat(r.metrics().get("accuracy")).isGreaterThan(0.4); // ten classes: chance is 0.1
    }
}
