package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Experiment;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The remote backend over loopback: metric points/s logged through the HTTP client (batched, one POST per 10,000
 * points, durable when answered) into a server over H2, and searchRuns latency (p50/p99) over 10,000 runs.
 * Baselines are the MLflow figures (~8,400 points/s with batches of 500; search ~1 s on average).
 */
final class RemoteBenchmark {
    private static final int POINTS = 2_000_000;
    private static final int RUNS = 10_000;
    private static final int SEARCHES = 200;
    private final Path work;

    RemoteBenchmark(Path work) {
        this.work = work;
    }

    List<String[]> run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (AiDos store = AiDos.open("local:" + work.resolve("remote-store"));
             AidosServer server = AidosServer.start(store, ServerConfig.builder().port(0).build());
             AiDos aidos = AiDos.open(AiDosConfig.builder().uri(server.uri()).build())) {
            Experiment exp = aidos.experiments().getOrCreate("remote-bench");
            logPoints(exp, 200_000); // warm-up
            double best = 0;
            for (int rep = 0; rep < 3; rep++) {
                best = Math.max(best, logPoints(exp, POINTS));
            }
            rows.add(new String[] {"metric points/s, remote client over loopback (1 thread, H2 server)",
                    String.format(Locale.ROOT, "%,.0f", best), "8,400 (MLflow, batches of 500)",
                    String.format(Locale.ROOT, "%.0fx", best / 8_400), "target >= 200,000/s; flush() included"});
            rows.add(search(aidos));
        }
        return rows;
    }

    private static double logPoints(Experiment exp, int points) {
        try (Run run = exp.startRun()) {
            long start = System.nanoTime();
            for (int i = 0; i < points; i++) {
                run.logMetric("loss", 1.0 / (i + 1), i);
            }
            run.flush();
            return points / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static String[] search(AiDos aidos) {
        Experiment exp = aidos.experiments().getOrCreate("remote-search");
        for (int i = 0; i < RUNS; i++) {
            Run r = exp.startRun("r" + i);
            r.logMetric("accuracy", (i % 1000) / 1000.0, 1);
            r.close();
        }
        RunQuery q = RunQuery.in("remote-search").where("metrics.accuracy > 0.9").orderBy("metrics.accuracy DESC")
                .limit(100);
        for (int i = 0; i < 20; i++) {
            aidos.experiments().searchRuns(q); // warm-up
        }
        long[] nanos = new long[SEARCHES];
        for (int i = 0; i < SEARCHES; i++) {
            long start = System.nanoTime();
            aidos.experiments().searchRuns(q);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = nanos[SEARCHES / 2] / 1e6;
        double p99 = nanos[(int) (SEARCHES * 0.99) - 1] / 1e6;
        return new String[] {"searchRuns over 10,000 runs, remote (filter + order + limit 100), p50 / p99",
                String.format(Locale.ROOT, "%.1f / %.1f ms", p50, p99), "~1,000 ms (MLflow average)",
                String.format(Locale.ROOT, "%.0fx", 1000 / p99), "target p99 < 50 ms; H2 server on loopback"};
    }
}
