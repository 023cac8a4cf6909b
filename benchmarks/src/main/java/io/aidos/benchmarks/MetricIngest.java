package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.tracking.MetricChunks;
import java.nio.ByteBuffer;
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
 * Metric points/s through {@code Run.logMetric} (1 and 4 threads, each thread its own run) against two raw-JDBC
 * baselines in the same database, same batch size, one commit per batch: the ceiling of AI-DOS's design (the same
 * packed chunks, encoded and inserted by hand) and the naive design (one row per point into a table with a
 * (run, key, step) index, as MLflow stores metrics). Plus the time to read back a 1,000,000-point history.
 */
final class MetricIngest {
    /** Points per measurement; H2 takes more, as 1,000,000 points there are over in a fifth of a second. */
    static final int POINTS = 1_000_000;
    static final int H2_POINTS = 4_000_000;
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

    /** Drops the schema {@link #postgresUri} made for a run of the benchmark. */
    static void dropSchema(String base, String uri) throws Exception {
        String schema = uri.substring(uri.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(base); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema.replaceAll("[^a-z0-9_]", "") + " CASCADE");
        }
    }

    static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    List<String[]> run(String label, String uri) throws Exception {
        int points = uri.startsWith("local:") ? H2_POINTS : POINTS;
        List<String[]> rows = new ArrayList<>();
        try (AiDos aidos = AiDos.open(io.aidos.api.AiDosConfig.builder().uri(uri)
                .artifactRoot(work.resolve("artifacts")).build())) {
            DataSource ds = ((LocalAiDos) aidos).database().dataSource();
            createRowTable(ds);
            logThroughApi(aidos, 1, 200_000); // warm-up: JIT and database caches
            rawChunks(ds, 1, 200_000);
            rawRows(ds, 1, 200_000);
            for (int threads : new int[] {1, 4}) {
                double api = 0;
                double chunks = 0;
                for (int rep = 0; rep < 3; rep++) { // best of 3, alternating, so drift hits both alike
                    api = Math.max(api, logThroughApi(aidos, threads, points));
                    chunks = Math.max(chunks, rawChunks(ds, threads, points));
                }
                double perRow = rawRows(ds, threads, POINTS / 2);
                rows.add(new String[] {label + ": logMetric, " + threads + " thread" + (threads > 1 ? "s" : ""),
                        Table.perSecond(api), Table.perSecond(chunks) + " raw JDBC, same chunks",
                        Table.ratio(api, chunks), String.format("%,d points, batches of %,d, best of 3; raw JDBC row per"
                                + " point: %s (AI-DOS is %.1fx)", points, BATCH, Table.perSecond(perRow), api / perRow)});
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

    /** The naive layout, for comparison: one row per point, indexed by (run, key, step). */
    private static void createRowTable(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_metric_rows (run_id VARCHAR(32) NOT NULL, metric_key"
                    + " VARCHAR(250) NOT NULL, step BIGINT NOT NULL, ts BIGINT NOT NULL, metric_value DOUBLE PRECISION"
                    + " NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS bench_metric_rows_idx ON bench_metric_rows (run_id, metric_key, step)");
        }
    }

    private static double rawRows(DataSource ds, int threads, int points) throws Exception {
        int each = points / threads;
        long start = System.nanoTime();
        parallel(threads, t -> {
            String runId = UUID.randomUUID().toString().replace("-", "");
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bench_metric_rows (run_id, metric_key, step, ts, metric_value) VALUES (?, ?, ?, ?, ?)")) {
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

    /** The ceiling of AI-DOS's layout: the same 24-byte points packed by hand, one chunk row per batch. */
    private static double rawChunks(DataSource ds, int threads, int points) throws Exception {
        int each = points / threads;
        long start = System.nanoTime();
        parallel(threads, t -> {
            String runId = UUID.randomUUID().toString().replace("-", "");
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(MetricChunks.INSERT)) {
                c.setAutoCommit(false);
                for (int from = 0; from < each; from += BATCH) {
                    int n = Math.min(BATCH, each - from);
                    ByteBuffer buf = ByteBuffer.allocate(n * 24);
                    for (int i = from; i < from + n; i++) {
                        buf.putLong(i).putLong(System.currentTimeMillis()).putDouble(1.0 / (i + 1));
                    }
                    MetricChunks.bind(ps, runId, "loss", n, from, from + n - 1, buf.array());
                    ps.executeUpdate();
                    c.commit();
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
