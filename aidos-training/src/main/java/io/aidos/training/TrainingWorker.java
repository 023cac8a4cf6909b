package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;

import java.util.concurrent.CountDownLatch;

/**
 * A training worker process:
 * {@code java -cp ... io.aidos.training.TrainingWorker --store URI [--artifacts PATH] [--parallelism N]}. Workers on a
 * shared PostgreSQL store must all see the same artifact folder ({@code --artifacts}, e.g. a shared mount). It claims jobs from the store's queue (any number of workers may share one PostgreSQL store) until it is stopped;
 * on SIGTERM it stops claiming and lets running jobs finish within the lease, after which other workers take them.
 */
public final class TrainingWorker {

    private TrainingWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        String store = null;
        String artifacts = null;
        int parallelism = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = value(args, ++i, "--store");
                case "--artifacts" -> artifacts = value(args, ++i, "--artifacts");
                case "--parallelism" -> parallelism = parse(value(args, ++i, "--parallelism"));
                default -> throw new InvalidInputException("argument", args[i], "is not known (use --store URI"
                        + " [--artifacts PATH] [--parallelism N])");
            }
        }
        if (store == null) {
            throw new InvalidInputException("--store", null, "is required");
        }
        AiDosConfig.Builder config = AiDosConfig.builder().uri(store).trainingWorkers(parallelism);
        if (artifacts != null) {
            config.artifactRoot(java.nio.file.Path.of(artifacts));
        }
        AiDos aidos = AiDos.open(config.build());
        aidos.trainer(); // starts the worker
        System.out.println("aidos training worker on " + aidos.uri() + ", " + parallelism + " job(s) at a time");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            aidos.close();
            stopped.countDown();
        }, "aidos-worker-shutdown"));
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new InvalidInputException(option, null, "needs a value");
        }
        return args[i];
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--parallelism", s, "must be a whole number");
        }
    }
}
