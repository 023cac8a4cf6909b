package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentDraft;
import io.aidos.api.Predictor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Dynamic batching of a DJL (PyTorch) {@code mlp} on iris, one row per request over {@code /v2/models/NAME/infer}
 * at 32 connections: deployments without batching next to {@code batching(32, 2 ms)}. Also the model alone, one
 * row per call against 32 rows per call, which bounds what batching can win.
 */
final class BatchingBenchmark {
    static final int CONNECTIONS = 32;
    private static final int BATCH = 32;

    private final ServingBenchmark serving;

    BatchingBenchmark(ServingBenchmark serving) {
        this.serving = serving;
    }

    List<String[]> run(AiDos aidos) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Predictor p = aidos.models().load("iris-mlp", "1")) {
            List<Map<String, Object>> batch = Collections.nCopies(BATCH, ServingBenchmark.IRIS_ROW);
            double single = serving.callsPerSecond(() -> p.predict(ServingBenchmark.IRIS_ROW));
            double calls = serving.callsPerSecond(() -> p.predictAll(batch));
            rows.add(new String[] {"DJL mlp in-process, 1 thread: 32 rows per call vs 1 row per call",
                    String.format(Locale.ROOT, "%,.0f rows/s (%.0f us/call)", BATCH * calls, 1e6 / calls),
                    String.format(Locale.ROOT, "%,.0f rows/s (%.0f us/call)", single, 1e6 / single),
                    String.format(Locale.ROOT, "%.1fx", BATCH * calls / single),
                    "2 x 64 ReLU; the cost is per call, not per row: what batching can win at most"});
        }
        LoadResult plain = measure(aidos, "no batching (maxConcurrency 4)", d -> d, null, rows);
        measure(aidos, "no batching, maxConcurrency 2", d -> d.maxConcurrency(2), plain, rows);
        measure(aidos, "batching(32, 2 ms)", d -> d.batching(BATCH, Duration.ofMillis(2)), plain, rows);
        measure(aidos, "batching(32, 1 ms)", d -> d.batching(BATCH, Duration.ofMillis(1)), plain, rows);
        measure(aidos, "batching(32, 2 ms), 2 replicas", d -> d.batching(BATCH, Duration.ofMillis(2)).replicas(2),
                plain, rows);
        return rows;
    }

    private LoadResult measure(AiDos aidos, String setting, UnaryOperator<DeploymentDraft> settings,
                               LoadResult baseline, List<String[]> rows) throws Exception {
        Deployment d = settings.apply(aidos.deployer().deploy("iris-mlp").model("iris-mlp", "1")).start();
        try {
            LoadResult r = serving.load(d.endpoint().resolve("/v2/models/iris-mlp/infer"),
                    ServingBenchmark.OIP_ROW).closedLoop(CONNECTIONS);
            rows.add(new String[] {"/v2 infer, DJL mlp, one row, 32 connections: " + setting, r.summary(),
                    baseline == null ? "-" : baseline.summary() + " without batching",
                    baseline == null ? "-" : String.format("%.2fx", r.perSecond() / baseline.perSecond()),
                    (baseline == null ? "" : "target >= 2x with batching; ") + r.notes("req/s", "%,.0f")});
            return r;
        } finally {
            d.stop();
        }
    }
}
