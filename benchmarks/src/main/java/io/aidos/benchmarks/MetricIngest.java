package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.core.internal.LocalAiDos;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Metric points/s through {@code Run.logMetric} (1 and 4 threads, each thread its own run) against the ceiling:
 * raw JDBC batch inserts of the same rows into the same table of the same database, same batch size, one
 * commit per batch. Plus the time to read back a 1,000,000-point history.
 */
final class MetricIngest {
    static final int POINTS = 1_000_000;
    static final int BATCH = 10_000;
    private final Path work;

    MetricIngest(Path work) {
        this.work = work;
    }

    static String h2Uri(Path work) {
        return "local:" + work.resolve("h2-" + UUID.randomUUID());
    }

    static String postgresUri(String base) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=aidos_bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    List<String[]> run(String label, String uri) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (AiDos aidos = AiDos.open(io.aidos.api.AiDosConfig.builder().uri(uri)
                .artifactRoot(work.resolve("artifacts")).build())) {
            DataSource ds = ((LocalAiDos) aidos).database().dataSource();
            logThroughApi(aidos, 1, 200_000); // warm-up: JIT and database caches
            rawJdbc(ds, 1, 200_000);
            for (int threads : new int[] {1, 4}) {
                double api = logThroughApi(aidos, threads, POINTS);
                double raw = rawJdbc(ds, threads, POINTS);
                rows.add(new String[] {label + ": logMetric, " + threads + " thread" + (threads > 1 ? "s" : ""),
                        Table.perSecond(api), Table.perSecond(raw) + " raw JDBC batch", Table.ratio(api, raw),
                        String.format("%,d points, batches of %,d", POINTS, BATCH)});
            }
            rows.add(history(label, aidos));
        }
        return rows;
    }

    private static double logThroughApi(AiDos aidos, int threads, int points) throws Exception {
        var exp = aidos.experiments().getOrCreate("bench");
        List<Run> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(exp.startRun());
        }
        int each = points / threads;
        long start = System.nanoTime();
        parallel(threads, t -> {
            Run run = runs.get(t);
            for (int i = 0; i < each; i++) {
                run.logMetric("loss", 1.0 / (i + 1), i);
            }
            run.flush();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        runs.forEach(Run::close);
        return each * threads / seconds;
    }

    private static double rawJdbc(DataSource ds, int threads, int points) throws Exception {
        int each = points / threads;
        long start = System.nanoTime();
        parallel(threads, t -> {
            String runId = UUID.randomUUID().toString().replace("-", "");
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO metrics (run_id, metric_key, step, ts, metric_value) VALUES (?, ?, ?, ?, ?)")) {
                c.setAutoCommit(false);
                for (int i = 0; i < each; i++) {
                    ps.setString(1, runId);
                    ps.setString(2, "loss");
                    ps.setLong(3, i);
                    ps.setLong(4, System.currentTimeMillis());
                    ps.setDouble(5, 1.0 / (i + 1));
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i == each - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                c.setAutoCommit(true);
            }
        });
        return each * threads / ((System.nanoTime() - start) / 1e9);
    }

    private static String[] history(String label, AiDos aidos) {
        Run run = aidos.experiments().getOrCreate("bench").startRun("history");
        for (int i = 0; i < POINTS; i++) {
            run.logMetric("loss", i, i);
        }
        run.flush();
        long best = Long.MAX_VALUE;
        int size = 0;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            List<MetricPoint> points = run.metricHistory("loss");
            best = Math.min(best, System.nanoTime() - start);
            size = points.size();
        }
        run.close();
        return new String[] {label + ": metricHistory", String.format("%.0f ms", best / 1e6), "target < 1,000 ms",
                "", String.format("%,d points, best of 3", size)};
    }

    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    private static void parallel(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    body.run(id);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
