package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests/s of an authenticated GET ({@code GET /api/v1/datasets} through the remote client, 4 threads, an API
 * key checked on every request: prefix lookup, SHA-256 compare, roles) against a server over H2, and the same GET
 * on a server without authentication as the baseline. The rate limits are raised out of the way here (by default
 * one caller gets 500/s). Best of 3 rounds of 5 s after a 3 s warm-up.
 */
final class AuthBenchmark {
    private static final int THREADS = 4;
    private static final long ROUND_MS = 5_000;
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
                    "key check per request: prefix lookup + SHA-256 + roles; audit only on changes"});
            return rows;
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
