package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobWorker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Empty jobs per second claimed and finished by 4 workers on one PostgreSQL store: each job is a claim (SELECT ...
 * FOR UPDATE SKIP LOCKED + UPDATE), a handler that returns at once, and a final UPDATE. The 4 workers run in this
 * process with their own connections (separate processes behave the same: the queue holds no state in memory).
 */
final class JobQueueThroughput {
    static final int JOBS = 3000;
    static final int WORKERS = 4;

    private JobQueueThroughput() {
    }

    static List<String[]> run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        String pg = System.getProperty("aidos.bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        if (!MetricIngest.reachable(pg)) {
            System.err.println("PostgreSQL at " + pg + " not reachable: skipping the job queue row");
            return rows;
        }
        String uri = MetricIngest.postgresUri(pg);
        try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri(uri).poolSize(WORKERS * 2 + 2).build())) {
            LocalAiDos local = (LocalAiDos) aidos;
            JobQueue queue = new JobQueue(local.database());
            measure(local, queue, 500); // warm-up
            double rate = measure(local, queue, JOBS);
            rows.add(new String[] {"job queue, " + WORKERS + " workers on PostgreSQL", Table.perSecond(rate).replace("/s", "")
                    + " jobs/s", "", "", JOBS + " empty jobs: claim with SKIP LOCKED, run, finish"});
        } finally {
            MetricIngest.dropSchema(pg, uri);
        }
        return rows;
    }

    private static double measure(LocalAiDos aidos, JobQueue queue, int jobs) throws InterruptedException {
        for (int i = 0; i < jobs; i++) {
            queue.submit("bench", "{}", 1);
        }
        long start = System.nanoTime();
        List<JobWorker> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(new JobWorker(queue, "bench-" + w, Map.of("bench", context -> null), 1,
                    Duration.ofSeconds(30), Duration.ofMillis(5)));
        }
        while (remaining(aidos) > 0) {
            Thread.sleep(2);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.forEach(JobWorker::close);
        return jobs / seconds;
    }

    private static long remaining(LocalAiDos aidos) {
        return aidos.database().query("count open jobs", "SELECT COUNT(*) FROM jobs WHERE status IN ('QUEUED',"
                + " 'RUNNING')", rs -> rs.getLong(1)).get(0);
    }
}
