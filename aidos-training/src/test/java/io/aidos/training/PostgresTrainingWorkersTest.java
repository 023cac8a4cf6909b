package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.JobStatus;
import io.aidos.api.RunStatus;
import io.aidos.api.Task;
import io.aidos.api.TrainingJob;
import io.aidos.core.Await;
import io.aidos.core.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Training worker processes sharing one PostgreSQL store. */
class PostgresTrainingWorkersTest {
    @TempDir
    Path temp;
    AiDosConfig config;
    AiDos submitter;

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.assumeAvailable();
    }

    @BeforeEach
    void open() {
        config = TestPostgres.freshStore(temp).toBuilder().trainingWorkers(0).build(); // this process only submits
        submitter = AiDos.open(config);
        TrainingFixture.importBundled(submitter, "iris", temp);
    }

    @AfterEach
    void close() {
        submitter.close();
        TestPostgres.dropSchemaOf(config);
    }

    @Test
    void twoWorkerProcessesSplitTheJobsAndRunNoneTwice() throws Exception {
        List<TrainingJob> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(submitter.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("random-forest").param("num_trees", 20).seed(i).experiment("shared").submit());
        }
        try (WorkerProcess a = new WorkerProcess(config, 5_000);
             WorkerProcess b = new WorkerProcess(config, 5_000)) {
            Await.until("all training jobs to end", Duration.ofMinutes(3),
                    () -> jobs.stream().allMatch(j -> j.status().isFinal()));
            for (TrainingJob job : jobs) {
                assertThat(job.status()).as(job.error() + "\n" + a.output() + b.output()).isEqualTo(JobStatus.SUCCEEDED);
            }
        }
        Set<String> runs = new HashSet<>();
        for (TrainingJob job : jobs) {
            assertThat(job.attempts()).as("job %s ran once", job.id()).isEqualTo(1);
            assertThat(job.logLines(0)).filteredOn(l -> l.line().startsWith("attempt ")).hasSize(1);
            var result = job.await(Duration.ofSeconds(5));
            assertThat(result.run().status()).isEqualTo(RunStatus.FINISHED);
            runs.add(result.run().id());
        }
        assertThat(runs).hasSize(8);
        assertThat(submitter.experiments().get("shared").runs()).hasSize(8);
    }

    @Test
    void aWorkerKilledMidJobLosesItToAnotherThatFinishesFromTheCheckpoint() throws Exception {
        TrainingFixture.importBundled(submitter, "breast_cancer", temp);
        var spec = submitter.trainer().dataset("breast_cancer").target("diagnosis").task(Task.CLASSIFICATION)
                .algorithm("mlp").param("epochs", 80).param("batch_size", 8).param("checkpoint_every", 5).seed(7);
        TrainingJob job = spec.registerAs("killed").submit();
        try (WorkerProcess doomed = new WorkerProcess(config, 2_000)) {
            Await.until("a checkpoint on the first worker", Duration.ofMinutes(2), () -> job.logLines(0).stream()
                    .anyMatch(l -> l.line().startsWith("checkpoint after epoch 10")));
            doomed.kill(); // SIGKILL mid-job: no clean-up, its lease simply runs out
            assertThat(job.status()).as(doomed.output()).isEqualTo(JobStatus.RUNNING);
        }
        TrainingJob reference = spec.registerAs("uninterrupted").submit(); // same spec and seed, never interrupted
        try (WorkerProcess survivor = new WorkerProcess(config, 2_000)) {
            Await.until("both jobs to end", Duration.ofMinutes(3),
                    () -> job.status().isFinal() && reference.status().isFinal());
            assertThat(job.status()).as(job.error() + "\n" + survivor.output()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(reference.status()).as(reference.error()).isEqualTo(JobStatus.SUCCEEDED);
        }
        assertThat(job.attempts()).isEqualTo(2);
        List<String> log = job.logLines(0).stream().map(l -> l.line()).toList();
        assertThat(log).anyMatch(l -> l.startsWith("attempt 2/3"))
                .anyMatch(l -> l.matches("resuming from the checkpoint after epoch (1[05]|[2-7][05])"));

        // The resumed model is the uninterrupted one, to float rounding.
        var rows = submitter.datasets().get("breast_cancer").latest().rows().limit(100)
                .map(ClassicTrainingTest::asMap).toList();
        try (var resumed = submitter.models().load("killed", "1");
             var straight = submitter.models().load("uninterrupted", "1")) {
            var a = resumed.predictAll(rows);
            var b = straight.predictAll(rows);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(a.get(i).label()).isEqualTo(b.get(i).label());
                for (String label : a.get(i).scores().keySet()) {
                    assertThat(a.get(i).scores().get(label)).isCloseTo(b.get(i).scores().get(label),
                            org.assertj.core.api.Assertions.within(1e-4));
                }
            }
        }
        var result = job.await(Duration.ofSeconds(5));
        assertThat(result.run().metricHistory("train_loss")).extracting(p -> p.step()).contains(1L, 80L);
    }
}
