package io.aidos.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the foundation benchmarks and prints one table (also written to {@code target/benchmarks.md}).
 * {@code mvn -q -DskipTests install && mvn -q -pl benchmarks exec:exec}. PostgreSQL rows need
 * 127.0.0.1:5432/test (or {@code -Daidos.bench.postgres=URL}); the CSV rows need ../shared/data/Fertility.csv.
 * Not a test: nothing here passes or fails, it measures. {@code -Daidos.bench.only=csv} (or {@code metrics},
 * {@code tribuo}, {@code djl}, {@code queue}, {@code remote}, {@code auth}, {@code serving}, or {@code batching}: the
 * serving run's batching rows alone) runs one part only;
 * {@code -Daidos.bench.seconds=N} measures each serving round for N seconds (default 5). Serving run alone uses one
 * PyTorch intra-op thread ({@code ai.djl.pytorch.num_threads=1}, as docs/serving.md advises); in a full run PyTorch
 * has already started with its default (one thread per core), and the batching rows say which.
 */
public final class Benchmarks {
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("aidos-bench");
        List<String[]> rows = new ArrayList<>();
        String only = System.getProperty("aidos.bench.only", "");
        boolean servingAlone = only.equals("serving") || only.equals("batching");
        if (servingAlone && System.getProperty(BatchingBenchmark.TORCH_THREADS) == null) {
            // Serving alone runs as docs/serving.md advises for DJL models on few cores; read when PyTorch starts.
            System.setProperty(BatchingBenchmark.TORCH_THREADS, "1");
        }
        if (only.isEmpty() || only.equals("metrics")) {
            MetricIngest ingest = new MetricIngest(work);
            rows.addAll(ingest.run("H2 (local:)", MetricIngest.h2Uri(work)));
            String pg = System.getProperty("aidos.bench.postgres",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            if (MetricIngest.reachable(pg)) {
                String uri = MetricIngest.postgresUri(pg);
                try {
                    rows.addAll(ingest.run("PostgreSQL", uri));
                } finally {
                    MetricIngest.dropSchema(pg, uri);
                }
            } else {
                System.err.println("PostgreSQL at " + pg + " not reachable: skipping its rows");
            }
        }
        if (only.isEmpty() || only.equals("csv")) {
            rows.addAll(new CsvImport(work).run());
        }
        if (only.isEmpty() || only.equals("tribuo")) {
            rows.addAll(new TribuoOverhead(work).run());
        }
        if (only.isEmpty() || only.equals("djl")) {
            rows.addAll(new DjlTraining(work).run());
        }
        if (only.isEmpty() || only.equals("remote")) {
            rows.addAll(new RemoteBenchmark(work).run());
        }
        if (only.isEmpty() || only.equals("auth")) {
            rows.addAll(new AuthBenchmark(work).run());
        }
        if (only.isEmpty() || servingAlone) {
            Duration measure = Duration.ofSeconds(Long.getLong("aidos.bench.seconds", 5));
            ServingBenchmark serving = new ServingBenchmark(work, Duration.ofSeconds(3), measure);
            rows.addAll(only.equals("batching") ? serving.runBatching() : serving.run());
        }
        if (only.isEmpty() || only.equals("queue")) {
            rows.addAll(JobQueueThroughput.run());
        }
        String table = Table.markdown(new String[] {"benchmark", "AI-DOS", "baseline", "ratio", "notes"}, rows);
        System.out.println(table);
        Path out = Path.of("target", "benchmarks.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }
}
