package io.aidos.core;

import io.aidos.api.AiDos;
import io.aidos.api.Run;

/**
 * A separate JVM the store tests start, to act on a store from another process: {@code log-then-hang PATH N}
 * logs N points, flushes, says so, then keeps logging without flushing until it is killed;
 * {@code open PATH} tries to open the store and prints the outcome; {@code register URI N} races to register
 * N model versions and log metrics in a shared (PostgreSQL) store.
 */
public final class StoreChild {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("register")) {
            register(args[1], Integer.parseInt(args[2]));
            return;
        }
        String uri = "local:" + args[1];
        if (mode.equals("open")) {
            try (AiDos aidos = AiDos.open(uri)) {
                System.out.println("OPENED " + aidos.experiments().list().size());
            } catch (RuntimeException e) {
                System.out.println("FAILED " + e.getClass().getName() + ": " + e.getMessage());
            }
            return;
        }
        int n = Integer.parseInt(args[2]);
        AiDos aidos = AiDos.open(uri);
        Run run = aidos.experiments().getOrCreate("crash").startRun("doomed");
        run.logParam("points", Integer.toString(n));
        for (int i = 0; i < n; i++) {
            run.logMetric("loss", i, i);
        }
        run.flush();
        System.out.println("FLUSHED " + run.id());
        System.out.flush();
        for (long i = n; ; i++) {
            run.logMetric("loss", i, i);
            if (i % 1000 == 0) {
                Thread.sleep(1);
            }
        }
    }

    private static void register(String uri, int n) {
        try (AiDos aidos = AiDos.open(uri)) {
            Run run = aidos.experiments().getOrCreate("shared").startRun();
            run.logArtifact("model", "m".getBytes());
            StringBuilder versions = new StringBuilder();
            for (int i = 0; i < n; i++) {
                versions.append(aidos.models().register("shared-model", run.id(), "model").version()).append(' ');
                run.logMetric("i", i, i);
            }
            run.close();
            System.out.println("VERSIONS " + versions.toString().trim());
        }
    }
}
