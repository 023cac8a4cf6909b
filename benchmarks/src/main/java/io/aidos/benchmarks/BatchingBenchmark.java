package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentDraft;
import io.aidos.api.Predictor;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Dynamic batching of DJL (PyTorch) {@code mlp}s, one row per request: 32 threads calling {@code d.predict}
 * in-process, and 32 connections over {@code /v2/models/NAME/infer}, without batching next to {@code batching(32,
 * 2 ms)}. Also the model alone, one row per call against 32 rows per call, which bounds what batching can win. Three
 * nets: on iris the default 2 x 64 units, whose call is almost all PyTorch's fixed per-call cost, and 2 x 1024 units,
 * whose call is mostly arithmetic; and Keras's MNIST MLP on Fashion-MNIST images ({@link FashionMlp}), when installed.
 */
final class BatchingBenchmark {
    static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";
    static final int CONNECTIONS = 32;
    private static final int BATCH = 32;
    /** A model that costs about a microsecond a row: the batched path's own cost. */
    private static final String HAND_OFF_MODEL = "iris";
    private static final String UNBATCHED = "no batching (maxConcurrency 4)";
    private static final String UNBATCHED_AGAIN = UNBATCHED + ", again at the end";

    /** A served net and the row every request sends, in-process and as an OIP body. */
    record Net(String model, String shape, Map<String, ?> row, String oipBody) {
        static Net iris(String model, String shape) {
            return new Net(model, shape, ServingBenchmark.IRIS_ROW, ServingBenchmark.OIP_ROW);
        }
    }

    private static final Net HAND_OFF = Net.iris(HAND_OFF_MODEL, "Tribuo logistic");

    private final ServingBenchmark serving;

    BatchingBenchmark(ServingBenchmark serving) {
        this.serving = serving;
    }

    List<String[]> run(AiDos aidos) throws Exception {
        List<String[]> rows = new ArrayList<>();
        double handOff = inProcess(aidos, HAND_OFF, BatchingBenchmark::batched);
        rows.add(handOffCeiling(aidos, handOff));
        rows.add(httpHandOffCeiling(aidos));
        Net narrow = Net.iris(ServingBenchmark.MLP, "2 x 64 ReLU");
        rows.add(modelAlone(aidos, narrow));
        rows.add(inProcess(aidos, narrow, handOff));
        // Unbatched first and again at the end, once the JIT has compiled the request path: the better of the two is
        // the baseline every ratio is read against (the one that makes batching look smaller).
        Map<String, LoadResult> runs = new LinkedHashMap<>();
        runs.put(UNBATCHED, measure(aidos, narrow, d -> d));
        runs.put("no batching, maxConcurrency 2", measure(aidos, narrow, d -> d.maxConcurrency(2)));
        runs.put("batching(32, 2 ms)", measure(aidos, narrow, BatchingBenchmark::batched));
        runs.put("batching(32, 1 ms)", measure(aidos, narrow, d -> d.batching(BATCH, Duration.ofMillis(1))));
        runs.put("batching(32, 2 ms), 2 replicas", measure(aidos, narrow, d -> batched(d).replicas(2)));
        runs.put(UNBATCHED_AGAIN, measure(aidos, narrow, d -> d));
        rows.addAll(httpRows(narrow, runs));
        // A wider net, where a call's arithmetic, not PyTorch's per-call cost, is most of the work.
        rows.addAll(alongside(aidos, Net.iris(ServingBenchmark.WIDE_MLP, "2 x " + ServingBenchmark.WIDE_UNITS
                + " ReLU"), handOff));
        if (aidos.models().list().stream().anyMatch(m -> m.name().equals(FashionMlp.MODEL))) {
            Map<String, Object> image = FashionMlp.row(aidos);
            Net fashion = new Net(FashionMlp.MODEL, FashionMlp.NET, image, FashionMlp.oipBody(image));
            rows.addAll(alongside(aidos, fashion, handOff));
            rows.addAll(binaryRows(aidos, fashion, image));
        }
        return rows;
    }

    /**
     * The Fashion MLP's requests in Triton's binary tensor data extension (784 FP32 values after the JSON, as
     * {@code tritonclient.http} sends them): what a cheaper request leaves for batching to win.
     */
    private List<String[]> binaryRows(AiDos aidos, Net net, Map<String, Object> image) throws Exception {
        Map<String, LoadResult> runs = new LinkedHashMap<>();
        runs.put(UNBATCHED + ", binary tensor data", measureBinary(aidos, net, image, d -> d));
        runs.put("batching(32, 2 ms), binary tensor data", measureBinary(aidos, net, image,
                BatchingBenchmark::batched));
        LoadResult alone = runs.values().iterator().next();
        List<String[]> rows = new ArrayList<>();
        runs.forEach((setting, r) -> rows.add(new String[] {"/v2 infer, DJL " + net.model() + " (" + net.shape()
                + "), one row, " + CONNECTIONS + " connections: " + setting, r.summary(), alone.summary()
                + " without batching, binary", String.format(Locale.ROOT, "%.2fx", r.perSecond() / alone.perSecond()),
                "the request " + FashionMlp.binaryBody(image).length + " bytes instead of " + net.oipBody().length()
                        + " of JSON; " + r.notes("req/s", "%,.0f")}));
        return rows;
    }

    private LoadResult measureBinary(AiDos aidos, Net net, Map<String, Object> image,
                                     UnaryOperator<DeploymentDraft> settings) throws Exception {
        Deployment d = deploy(aidos, net.model(), settings);
        try {
            URI infer = d.endpoint().resolve("/v2/models/" + net.model() + "/infer");
            Map<String, String> header = Map.of("Inference-Header-Content-Length",
                    Integer.toString(FashionMlp.binaryJsonLength(image)));
            byte[] body = FashionMlp.binaryBody(image);
            HttpLoad.checkOnce(infer, "application/octet-stream", body, header);
            return HttpLoad.post(infer, "application/octet-stream", body, header, serving.warmup(), serving.measure())
                    .closedLoop(CONNECTIONS);
        } finally {
            d.stop();
        }
    }

    /** The model alone, in-process and over HTTP: batched next to unbatched. */
    private List<String[]> alongside(AiDos aidos, Net net, double handOff) throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(modelAlone(aidos, net));
        rows.add(inProcess(aidos, net, handOff));
        Map<String, LoadResult> runs = new LinkedHashMap<>();
        runs.put(UNBATCHED, measure(aidos, net, d -> d));
        runs.put("batching(32, 2 ms)", measure(aidos, net, BatchingBenchmark::batched));
        rows.addAll(httpRows(net, runs));
        return rows;
    }

    private static DeploymentDraft batched(DeploymentDraft d) {
        return d.batching(BATCH, Duration.ofMillis(2));
    }

    /** The model alone on one thread: 32 rows per call against one, which bounds what batching can win. */
    private String[] modelAlone(AiDos aidos, Net net) {
        try (Predictor p = aidos.models().load(net.model(), "1")) {
            List<Map<String, ?>> batch = Collections.nCopies(BATCH, net.row());
            double single = serving.callsPerSecond(() -> p.predict(net.row()));
            double calls = serving.callsPerSecond(() -> p.predictAll(batch));
            return new String[] {"DJL " + net.model() + " (" + net.shape() + ") in-process, 1 thread: 32 rows per call "
                    + "vs 1 row per call", String.format(Locale.ROOT, "%,.0f rows/s (%.0f us/call)", BATCH * calls,
                    1e6 / calls), String.format(Locale.ROOT, "%,.0f rows/s (%.0f us/call)", single, 1e6 / single),
                    String.format(Locale.ROOT, "%.1fx", BATCH * calls / single),
                    "what batching can win at most, before any hand-off between threads"};
        }
    }

    /**
     * The batched path with a model that costs about a microsecond (Tribuo logistic): what the hand-off between the
     * callers' threads and the batcher's allows on this machine, whatever the model. Each batched request parks its
     * caller and wakes it with the answer, so the notes give a park/unpark round trip between two threads too.
     */
    private String[] handOffCeiling(AiDos aidos, double batched) throws Exception {
        double alone = inProcess(aidos, HAND_OFF, d -> d);
        return new String[] {"hand-off ceiling: in-process, 32 threads calling d.predict(row), Tribuo logistic (about "
                + "1 us a row): batching(32, 2 ms) vs none", Table.perSecond(batched), Table.perSecond(alone)
                + " without batching", String.format(Locale.ROOT, "%.2fx", batched / alone), String.format(Locale.ROOT,
                "batching a model in-process cannot beat this rate; park/unpark round trip between two threads "
                + "%.1f us", parkUnparkRoundTripMicros())};
    }

    /** The same over {@code /v2} infer: what the batched path over HTTP allows on this machine, whatever the model. */
    private String[] httpHandOffCeiling(AiDos aidos) throws Exception {
        LoadResult alone = measure(aidos, HAND_OFF, d -> d);
        LoadResult batched = measure(aidos, HAND_OFF, BatchingBenchmark::batched);
        return new String[] {"hand-off ceiling over HTTP: /v2 infer, Tribuo logistic (about 1 us a row), one row, "
                + CONNECTIONS + " connections: batching(32, 2 ms) vs none", batched.summary(), alone.summary()
                + " without batching", String.format(Locale.ROOT, "%.2fx", batched.perSecond() / alone.perSecond()),
                "batching a model over HTTP cannot beat this rate; " + batched.notes("req/s", "%,.0f")};
    }

    private String[] inProcess(AiDos aidos, Net net, double handOff) throws Exception {
        double alone = inProcess(aidos, net, d -> d);
        double batched = inProcess(aidos, net, BatchingBenchmark::batched);
        return new String[] {"DJL " + net.model() + " (" + net.shape() + ") in-process, 32 threads calling "
                + "d.predict(row), PyTorch intra-op threads " + System.getProperty(TORCH_THREADS, "= cores")
                + ": batching(32, 2 ms) vs none", Table.perSecond(batched), Table.perSecond(alone)
                + " without batching", String.format(Locale.ROOT, "%.2fx", batched / alone),
                String.format(Locale.ROOT, "target >= 2x with batching; the batching itself, without HTTP; the hand-off "
                        + "ceiling is %.2fx this unbatched rate", handOff / alone)};
    }

    /** Best of 3 rounds of two threads waking each other 100,000 times with LockSupport (a thread hand-off's cost). */
    private static double parkUnparkRoundTripMicros() throws InterruptedException {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            best = Math.min(best, PingPong.roundTripMicros(100_000));
        }
        return best;
    }

    /** One row per run, each read against the unbatched run, or the better of the two when it was run again. */
    private static List<String[]> httpRows(Net net, Map<String, LoadResult> runs) {
        LoadResult first = runs.get(UNBATCHED);
        LoadResult again = runs.getOrDefault(UNBATCHED_AGAIN, first);
        LoadResult best = again.perSecond() > first.perSecond() ? again : first;
        String baseline = best.summary() + (runs.containsKey(UNBATCHED_AGAIN)
                ? " without batching (better of the two unbatched runs)" : " without batching");
        List<String[]> rows = new ArrayList<>();
        runs.forEach((setting, r) -> rows.add(new String[] {"/v2 infer, DJL " + net.model() + " (" + net.shape()
                + "), one row, "
                + CONNECTIONS + " connections, PyTorch intra-op threads " + System.getProperty(TORCH_THREADS,
                "= cores") + ": " + setting, r.summary(), baseline,
                String.format(Locale.ROOT, "%.2fx", r.perSecond() / best.perSecond()),
                "target >= 2x with batching; " + r.notes("req/s", "%,.0f")}));
        return rows;
    }

    /** Requests per second of {@link BatchingBenchmark#CONNECTIONS} threads calling {@code d.predict} in a loop. */
    private double inProcess(AiDos aidos, Net net, UnaryOperator<DeploymentDraft> settings) throws Exception {
        Deployment d = deploy(aidos, net.model(), settings);
        try {
            return serving.callsPerSecond(CONNECTIONS, () -> d.predict(net.row()));
        } finally {
            d.stop();
        }
    }

    private LoadResult measure(AiDos aidos, Net net, UnaryOperator<DeploymentDraft> settings) throws Exception {
        Deployment d = deploy(aidos, net.model(), settings);
        try {
            return serving.load(d.endpoint().resolve("/v2/models/" + net.model() + "/infer"), net.oipBody())
                    .closedLoop(CONNECTIONS);
        } finally {
            d.stop();
        }
    }

    private static Deployment deploy(AiDos aidos, String model, UnaryOperator<DeploymentDraft> settings) {
        return settings.apply(aidos.deployer().deploy(model).model(model, "1")).start();
    }
}
