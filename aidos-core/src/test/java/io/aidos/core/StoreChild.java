package io.aidos.core;

import io.aidos.api.AiDos;
import io.aidos.api.Run;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobWorker;

/**
 * A separate JVM the store tests start, to act on a store from another process: {@code log-then-hang PATH N}
 * logs N points, flushes, says so, then keeps logging without flushing until it is killed;
 * {@code open PATH} tries to open the store and prints the outcome; {@code register URI N} races to register
 * N model versions and log metrics in a shared (PostgreSQL) store; {@code work URI WORKER MILLIS} runs a job
 * worker whose jobs each take MILLIS, until it is killed.
 */
public final class StoreChild {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("work")) {
            work(args[1], args[2], Long.parseLong(args[3]));
            return;
        }
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

    private static void work(String uri, String workerId, long millis) throws InterruptedException {
        AiDos aidos = AiDos.open(uri);
        JobQueue queue = new JobQueue(((LocalAiDos) aidos).database());
        new JobWorker(queue, workerId, java.util.Map.of("test", ctx -> {
            ctx.log("ran by " + workerId);
            System.out.println("STARTED " + ctx.id());
            System.out.flush();
            Thread.sleep(millis);
            return null;
        }), 2, java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(20));
        System.out.println("READY " + workerId);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
