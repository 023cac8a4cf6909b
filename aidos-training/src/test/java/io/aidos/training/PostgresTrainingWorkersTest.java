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
}
