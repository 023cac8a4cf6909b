package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.core.internal.InferenceAccess;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Action;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.RateLimiter;
import io.aidos.core.internal.identity.Role;
import io.aidos.core.internal.identity.User;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import io.aidos.server.internal.auth.IdentityAuthenticator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests/s of an authenticated GET ({@code GET /api/v1/datasets} through the remote client, 4 threads, an API
 * key checked on every request: the key and the user's roles from their caches, READ required) against a server
 * over H2, and the same GET on a server without authentication as the baseline; then an authenticated
 * {@code POST /invocations} against the same deployment without the check. The rate limits are raised out of the way here (by default
 * one caller gets 500/s). Best of 3 rounds of 5 s after a 3 s warm-up.
 */
final class AuthBenchmark {
    private static final int THREADS = 4;
    private static final long ROUND_MS = 5_000;
    private static final String SPLIT_ROW = "{\"dataframe_split\":{\"columns\":[\"Sepal.Length\",\"Sepal.Width\","
            + "\"Petal.Length\",\"Petal.Width\"],\"data\":[[5.1,3.5,1.4,0.2]]}}";
    private final Path work;

    AuthBenchmark(Path work) {
        this.work = work;
    }

    List<String[]> run() throws Exception {
        try (AiDos store = AiDos.open("local:" + work.resolve("auth-store"))) {
            store.datasets().create("bench").fromRows(List.of(Map.of("x", 1L))).commit("one row");
            Identity identity = Identity.open(((LocalAiDos) store).database(), IdentityConfig.builder().build());
            User user = identity.users().register("ana@example.org", "a long enough password for measuring");
            identity.organizations().setMember(Principal.localOwner(), Principal.LOCAL_ORG, user.id(), Role.MEMBER);
            String key = identity.createApiKey(identity.principalOf(user.id()), Principal.LOCAL_ORG, "bench",
                    Set.of(Action.READ), null, "bench").secret();
            double withKey;
            try (AidosServer server = AidosServer.builder(store).identity(identity)
                    .authenticator(new IdentityAuthenticator(identity, RateLimiter.of(1_000_000, 1_000_000),
                            RateLimiter.of(1_000_000, 1_000_000)))
                    .config(ServerConfig.builder().port(0).build()).start()) {
                withKey = measure(server.uri(), key);
            }
            double open;
            try (AidosServer server = AidosServer.start(store, ServerConfig.builder().port(0).build())) {
                open = measure(server.uri(), null);
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"authenticated GET /api/v1/datasets, API key, remote client (4 threads, H2 server)",
                    String.format(Locale.ROOT, "%,.0f req/s", withKey),
                    String.format(Locale.ROOT, "%,.0f req/s without auth", open),
                    String.format(Locale.ROOT, "%.0f%%", 100 * withKey / open),
                    "key check per request: key and roles cached for 5 s (SHA-256 of the key to find it), READ required;"
                            + " audit only on changes"});
            rows.addAll(inference());
            return rows;
        }
    }

    /**
     * {@code POST /invocations} of a Tribuo iris model on an inference server of a server with identity: with an API
     * key checked on every request, then the same deployment with the check off ({@link InferenceAccess#OPEN}, as
     * embedded). Each is a closed loop of {@value ServingBenchmark#CONNECTIONS} connections after its warm-up.
     */
    private List<String[]> inference() throws Exception {
        Path csv = CsvImport.sharedData("iris.csv");
        if (csv == null) {
            System.err.println("../shared/data/iris.csv not found: skipping the authenticated inference row");
            return List.of();
        }
        try (AiDos store = AiDos.open(AiDosConfig.builder().uri("local:" + work.resolve("auth-serving-store"))
                .trainingWorkers(1).build())) {
            store.datasets().create("iris").fromCsv(csv).commit("iris");
            ServingBenchmark.train(store, "logistic-regression", "iris", Map.of());
            Identity identity = Identity.open(((LocalAiDos) store).database(), IdentityConfig.builder().build());
            User user = identity.users().register("ana@example.org", "a long enough password for measuring");
            identity.organizations().setMember(Principal.localOwner(), Principal.LOCAL_ORG, user.id(), Role.MEMBER);
            String key = identity.createApiKey(identity.principalOf(user.id()), Principal.LOCAL_ORG, "bench",
                    Set.of(Action.READ), null, "bench").secret();
            try (AidosServer server = AidosServer.builder(store).identity(identity)
                    .config(ServerConfig.builder().port(0).build()).start()) {
                URI invocations = store.deployer().deploy("iris").model("iris", "1").start().endpoint()
                        .resolve("invocations");
                Map<String, String> bearer = Map.of("Authorization", "Bearer " + key);
                HttpLoad.checkOnce(invocations, SPLIT_ROW, bearer);
                LoadResult withKey = HttpLoad.post(invocations, "application/json", SPLIT_ROW, bearer,
                        Duration.ofSeconds(3), Duration.ofSeconds(5)).closedLoop(ServingBenchmark.CONNECTIONS);
                ((LocalAiDos) store).inferenceAccess(InferenceAccess.OPEN);
                HttpLoad.checkOnce(invocations, SPLIT_ROW);
                LoadResult open = HttpLoad.post(invocations, "application/json", SPLIT_ROW, Duration.ofSeconds(3),
                        Duration.ofSeconds(5)).closedLoop(ServingBenchmark.CONNECTIONS);
                return List.<String[]>of(new String[] {"authenticated POST /invocations, API key, Tribuo iris, "
                        + ServingBenchmark.CONNECTIONS + " connections", String.format(Locale.ROOT, "%,.0f req/s, %s",
                        withKey.perSecond(), withKey.latencies()), String.format(Locale.ROOT,
                        "%,.0f req/s, %s without a key", open.perSecond(), open.latencies()),
                        String.format(Locale.ROOT, "%.0f%%", 100 * withKey.perSecond() / open.perSecond()),
                        "key checked per request as above; with the key "
                                + withKey.notes("req/s", "%,.0f") + "; without " + open.notes("req/s", "%,.0f")});
            }
        }
    }

    private static double measure(String uri, String key) throws Exception {
        AiDosConfig.Builder config = AiDosConfig.builder().uri(uri).poolSize(THREADS);
        if (key != null) {
            config.apiKey(key);
        }
        try (AiDos aidos = AiDos.open(config.build())) {
            round(aidos, 3_000);
            double best = 0;
            for (int i = 0; i < 3; i++) {
                best = Math.max(best, round(aidos, ROUND_MS));
            }
            return best;
        }
    }

    private static double round(AiDos aidos, long millis) throws InterruptedException {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    aidos.datasets().list();
                    done.increment();
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }
}
