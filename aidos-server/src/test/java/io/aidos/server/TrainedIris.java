package io.aidos.server;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A store with model {@code iris}: version 1 a logistic regression, version 2 a CART tree, trained on iris. */
public final class TrainedIris {
    public static final String MODEL = "iris";

    private TrainedIris() {
    }

    /** Imports iris and trains both versions in the store at {@code folder}, then closes it. */
    public static void train(Path folder) {
        try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri("local:" + folder).trainingWorkers(1).build())) {
            Path csv = folder.resolveSibling(folder.getFileName() + "-iris.csv");
            try (InputStream in = TrainedIris.class.getResourceAsStream("/data/iris.csv")) {
                Files.copy(in, csv);
            }
            aidos.datasets().create("iris").fromCsv(csv).commit("iris");
            for (String algorithm : new String[] {"logistic-regression", "cart"}) {
                aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION).algorithm(algorithm)
                        .registerAs(MODEL).submit().await(Duration.ofMinutes(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
