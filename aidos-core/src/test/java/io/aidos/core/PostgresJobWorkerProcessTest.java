package io.aidos.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobLogLine;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job workers in separate JVMs on one PostgreSQL store: no job runs twice, a killed worker's job is taken over. */
class PostgresJobWorkerProcessTest {
    @TempDir
    Path temp;
    private AiDosConfig config;
    private AiDos aidos;
    private JobQueue queue;

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.assumeAvailable();
    }

    @BeforeEach
    void open() {
        config = TestPostgres.freshStore(temp);
        aidos = AiDos.open(config);
        queue = new JobQueue(((LocalAiDos) aidos).database());
    }

    @AfterEach
    void close() {
        aidos.close();
        TestPostgres.dropSchemaOf(config);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, Duration.ofSeconds(60), condition);
    }

    @Test
    void twoWorkerProcessesShareTheQueueWithoutRunningAJobTwice() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(queue.submit("test", "{}", 3));
        }
        try (ChildJvm a = new ChildJvm("work", config.uri(), "a", "10");
             ChildJvm b = new ChildJvm("work", config.uri(), "b", "10")) {
            await("all jobs done", () -> ids.stream().allMatch(id -> queue.get(id).status() == JobStatus.SUCCEEDED));
        }
        for (String id : ids) {
            assertThat(queue.logs(id, 0)).as(id).extracting(JobLogLine::line).hasSize(1)
                    .allMatch(line -> line.startsWith("ran by "));
        }
    }

    @Test
    void aWorkerKilledMidJobLosesItToAnotherProcess() throws Exception {
        String id = queue.submit("test", "{}", 3);
        try (ChildJvm doomed = new ChildJvm("work", config.uri(), "doomed", "600000")) {
            doomed.awaitLine("STARTED " + id);
            doomed.kill(); // SIGKILL mid-job: no clean-up, its lease simply runs out
        }
        try (ChildJvm survivor = new ChildJvm("work", config.uri(), "survivor", "0")) {
            await("the job to finish on the survivor", () -> queue.get(id).status() == JobStatus.SUCCEEDED);
        }
        assertThat(queue.get(id).attempts()).isEqualTo(2);
        assertThat(queue.get(id).workerId()).isEqualTo("survivor");
        assertThat(queue.logs(id, 0)).extracting(JobLogLine::line).containsExactly("ran by doomed", "ran by survivor");
    }
}
