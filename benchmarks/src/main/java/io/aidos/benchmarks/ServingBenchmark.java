package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Deployment;
import io.aidos.api.Predictor;
import io.aidos.api.Run;
import io.aidos.api.Task;
import io.aidos.api.TrainingResult;
import io.aidos.serving.internal.http.ServingSettings;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Model serving over HTTP on loopback, load generator ({@link HttpLoad}) in the same JVM: a bare Javalin endpoint
 * (the HTTP ceiling, measured again after each row read against it: {@link HttpCeiling}), in-process predict calls
 * (the model ceiling), both protocols at 10 connections for a Tribuo logistic regression and the same model exported
 * to ONNX, an open-loop run at half the peak, and dynamic batching of a DJL net ({@link BatchingBenchmark}). The
 * MLflow baseline is the issue's {@code mlflow models serve} figure under {@code ab -k -c 10}: 3,345 req/s.
 */
final class ServingBenchmark {
    static final int CONNECTIONS = 10;
    static final String MLP = "iris-mlp";
    static final String WIDE_MLP = "iris-mlp-wide";
    static final int WIDE_UNITS = 1024;
    static final double MLFLOW = 3_345;
    static final Map<String, Object> IRIS_ROW = Map.of("Sepal.Length", 5.1, "Sepal.Width", 3.5, "Petal.Length", 1.4,
            "Petal.Width", 0.2);
    static final String OIP_ROW = "{\"inputs\":[" + fp64("Sepal.Length", 5.1) + "," + fp64("Sepal.Width", 3.5) + ","
            + fp64("Petal.Length", 1.4) + "," + fp64("Petal.Width", 0.2) + "]}";
    private static final String SPLIT_ROW = "{\"dataframe_split\":{\"columns\":[\"Sepal.Length\",\"Sepal.Width\","
            + "\"Petal.Length\",\"Petal.Width\"],\"data\":[[5.1,3.5,1.4,0.2]]}}";
    private static final String ONNX_OIP = "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\","
            + "\"data\":[0.1,-0.3,1.2,0.4]}]}";
    private static final String ONNX_MLFLOW = "{\"inputs\":[[0.1,-0.3,1.2,0.4]]}";

    private final Path work;
    private final Duration warmup;
    private final Duration measure;

    ServingBenchmark(Path work, Duration warmup, Duration measure) {
        this.work = work;
        this.warmup = warmup;
        this.measure = measure;
    }

    List<String[]> run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        Path csv = CsvImport.sharedData("iris.csv");
        if (csv == null) {
            System.err.println("../shared/data/iris.csv not found: skipping the serving rows");
            return rows;
        }
        try (RawHttpServer raw = RawHttpServer.start()) {
            LoadResult r = load(raw.uri(), OIP_ROW).closedLoop(CONNECTIONS);
            rows.add(new String[] {"load generator ceiling: raw socket server, thread per connection, 10 connections",
                    "-", r.summary(), "-", "no framework: what HttpLoad and loopback reach here; "
                    + r.notes("req/s", "%,.0f")});
        }
        try (BareJavalin javalin = BareJavalin.start(false)) {
            LoadResult r = load(javalin.uri(), OIP_ROW).closedLoop(CONNECTIONS);
            rows.add(new String[] {"bare Javalin 7, default Jetty settings, POST -> fixed JSON, 10 connections", "-",
                    r.summary(), "-", "reads the body, answers 170 bytes; " + r.notes("req/s", "%,.0f")});
        }
        try (HttpCeiling ceiling = new HttpCeiling(this)) {
            LoadResult bare = ceiling.measure();
            int ceilingRow = rows.size();
            rows.add(null); // filled in at the end, with every re-measurement of the ceiling
            Path store = trainModels(csv);
            // Served from a store opened without training workers: idle workers poll the job queue (several % of a
            // core).
            try (AiDos aidos = open(store, 0)) {
                serve(aidos, "iris", "Tribuo logistic", IRIS_ROW, OIP_ROW, SPLIT_ROW, ceiling, rows);
                serve(aidos, "iris-onnx", "ONNX", Map.of("input", new float[] {0.1f, -0.3f, 1.2f, 0.4f}), ONNX_OIP,
                        ONNX_MLFLOW, ceiling, rows);
                rows.set(ceilingRow, new String[] {"HTTP ceiling: bare Javalin 7 with the serving server's Jetty "
                        + "settings (" + ServingSettings.defaultHttpThreads() + " threads), POST -> fixed JSON, 10 "
                        + "connections", "-", bare.summary(), "-", "measured again after each row read against it: "
                        + ceiling.history() + " req/s; " + bare.notes("req/s", "%,.0f")});
                double rate = openLoop(aidos, rows);
                rows.add(bareOpenLoop(rate, ceiling));
                rows.addAll(new BatchingBenchmark(this).run(aidos));
            }
        }
        return rows;
    }

    /** The batching rows alone ({@code -Daidos.bench.only=batching}): a few minutes instead of the whole serving run. */
    List<String[]> runBatching() throws Exception {
        Path csv = CsvImport.sharedData("iris.csv");
        if (csv == null) {
            System.err.println("../shared/data/iris.csv not found: skipping the batching rows");
            return List.of();
        }
        Path store = trainModels(csv);
        try (AiDos aidos = open(store, 0)) {
            return new BatchingBenchmark(this).run(aidos);
        }
    }

    /**
     * A store with iris, its Tribuo logistic model ("iris"), that model's ONNX export, the two iris mlps and, when
     * Fashion-MNIST is installed, {@link FashionMlp}.
     */
    private Path trainModels(Path csv) throws Exception {
        Path store = work.resolve("serving-store");
        try (AiDos aidos = open(store, 1)) {
            aidos.datasets().create("iris").fromCsv(csv).commit("iris");
            registerOnnx(aidos, train(aidos, "logistic-regression", "iris", Map.of()));
            train(aidos, "mlp", MLP, Map.of("epochs", 5, "batch_size", 16));
            train(aidos, "mlp", WIDE_MLP, Map.of("epochs", 5, "batch_size", 16, "hidden_units", WIDE_UNITS));
            if (FashionMlp.installed()) {
                FashionMlp.train(aidos);
            }
        }
        return store;
    }

    /** Deploys {@code model} version 1 and adds its in-process row and one row per protocol. */
    private void serve(AiDos aidos, String model, String label, Map<String, ?> row, String oipBody,
                             String mlflowBody, HttpCeiling ceiling, List<String[]> rows) throws Exception {
        Deployment d = aidos.deployer().deploy(model).model(model, "1").start();
        try (Predictor p = aidos.models().load(model, "1")) {
            double deployed = callsPerSecond(() -> d.predict(row));
            double direct = callsPerSecond(() -> p.predict(row));
            rows.add(new String[] {"in-process predict, one row, 1 thread: " + label, Table.perSecond(deployed)
                    + " d.predict", Table.perSecond(direct) + " predictor.predict", Table.ratio(deployed, direct),
                    "the model ceiling; d.predict adds routing, a replica slot and stats"});
            URI base = d.endpoint().resolve("/");
            HttpCeiling.Bracketed oip = ceiling.around(() -> load(base.resolve("/v2/models/" + model + "/infer"),
                    oipBody).closedLoop(CONNECTIONS));
            rows.add(httpRow("/v2/models/" + model + "/infer, " + label + ", one row", oip));
            HttpCeiling.Bracketed mlflow = ceiling.around(() -> load(d.endpoint().resolve("invocations"),
                    mlflowBody).closedLoop(CONNECTIONS));
            rows.add(httpRow("/invocations (" + (mlflowBody.startsWith("{\"dataframe_split") ? "dataframe_split"
                    : "inputs") + "), " + label + ", one row", mlflow));
        } finally {
            d.stop();
        }
    }

    private String[] httpRow(String what, HttpCeiling.Bracketed b) {
        LoadResult r = b.row();
        return new String[] {what + ", 10 connections", r.summary(), b.ceilingText() + "; MLflow 3,345/s",
                Table.ratio(r.perSecond(), b.ceiling()) + " of Javalin; "
                + String.format(Locale.ROOT, "%.1fx", r.perSecond() / MLFLOW) + " MLflow",
                "targets >= 70% of Javalin, >= 10x MLflow; " + r.notes("req/s", "%,.0f")};
    }

    /**
     * Adds the open-loop row at half the {@code /invocations} peak, measured again just before (the VM's speed drifts
     * between rows); the rate.
     */
    private double openLoop(AiDos aidos, List<String[]> rows) throws Exception {
        Deployment d = aidos.deployer().deploy("iris").model("iris", "1").start();
        try {
            URI invocations = d.endpoint().resolve("invocations");
            LoadResult peak = load(invocations, SPLIT_ROW).closedLoop(CONNECTIONS);
            double rate = peak.perSecond() / 2;
            LoadResult r = load(invocations, SPLIT_ROW).openLoop(CONNECTIONS, rate);
            rows.add(new String[] {String.format(Locale.ROOT, "open loop at %,.0f req/s (half the /invocations peak"
                    + " of %,.0f req/s measured just before), Tribuo logistic", rate, peak.perSecond()),
                    r.latencies(), "-", "-", String.format(Locale.ROOT, "target p99 < 5 ms; latency from the "
                    + "scheduled send; %,.0f/s answered; ", r.perSecond()) + r.notes("ms p99", "%.2f")});
            return rate;
        } finally {
            d.stop();
        }
    }

    /** Bare Javalin on the serving pool at the same rate: the latency the HTTP stack and generator give alone. */
    private String[] bareOpenLoop(double rate, HttpCeiling ceiling) throws Exception {
        LoadResult r = load(ceiling.uri(), OIP_ROW).openLoop(CONNECTIONS, rate);
        return new String[] {String.format(Locale.ROOT, "open loop at %,.0f req/s, bare Javalin on the serving pool",
                rate), "-", r.latencies(), "-", String.format(Locale.ROOT, "the HTTP ceiling's tail at the same rate; "
                + "%,.0f/s answered; ", r.perSecond()) + r.notes("ms p99", "%.2f")};
    }

    Duration warmup() {
        return warmup;
    }

    Duration measure() {
        return measure;
    }

    HttpLoad load(URI uri, String body) throws Exception {
        HttpLoad.checkOnce(uri, body);
        return HttpLoad.post(uri, "application/json", body, warmup, measure);
    }

    /** Calls {@code call} in a loop on this thread for the warm-up and then the measured time. */
    double callsPerSecond(Runnable call) {
        long end = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < end) {
            call.run();
        }
        long start = System.nanoTime();
        end = start + measure.toNanos();
        long n = 0;
        long now;
        do {
            call.run();
            n++;
            now = System.nanoTime();
        } while (now < end);
        return n / ((now - start) / 1e9);
    }

    /** Calls per second of {@code threads} threads each calling {@code call} in a loop, after the warm-up. */
    double callsPerSecond(int threads, Runnable call) throws InterruptedException {
        LongAdder calls = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        long start = System.nanoTime();
        long countFrom = start + warmup.toNanos();
        long end = countFrom + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                    if (counting.get()) {
                        calls.increment();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        Thread.sleep(Math.max(0, (countFrom - System.nanoTime()) / 1_000_000));
        counting.set(true);
        long from = System.nanoTime();
        for (Thread w : workers) {
            w.join();
        }
        return calls.sum() / ((System.nanoTime() - from) / 1e9);
    }

    private static AiDos open(Path store, int trainingWorkers) {
        return AiDos.open(AiDosConfig.builder().uri("local:" + store).trainingWorkers(trainingWorkers).build());
    }

    static TrainingResult train(AiDos aidos, String algorithm, String registerAs, Map<String, ?> params) {
        return aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION).algorithm(algorithm)
                .params(params).seed(42L).registerAs(registerAs).submit().await(Duration.ofMinutes(10));
    }

    /** The logistic model's ONNX export, registered as {@code iris-onnx} (served by ONNX Runtime). */
    private static void registerOnnx(AiDos aidos, TrainingResult trained) throws Exception {
        byte[] onnx;
        try (InputStream in = trained.run().openArtifact("model/model.onnx")) {
            onnx = in.readAllBytes();
        }
        try (Run run = aidos.experiments().getOrCreate("serving-bench").startRun()) {
            run.logArtifact("iris.onnx", onnx);
            aidos.models().register("iris-onnx", run.id(), "iris.onnx");
        }
    }

    private static String fp64(String name, double value) {
        return "{\"name\":\"" + name + "\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[" + value + "]}";
    }
}
