package io.aidos.serving;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Row;
import io.aidos.api.Task;
import io.aidos.serving.internal.http.ServingSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store with registered iris models: version 1 a logistic regression, version 2 a CART tree, version 3 trained
 * without {@code Petal.Width} (so requests that send it fail there: a canary that breaks the input contract).
 */
public final class ServingFixture {
    public static final String MODEL = "iris";
    public static final String TARGET = "Species";

    private ServingFixture() {
    }

    /**
     * The serving HTTP server gets the smallest thread pool it allows (2 request threads) on any machine, so the
     * HTTP tests show that requests waiting for a model or a batch do not hold its threads.
     */
    public static AiDos open(Path folder) {
        return AiDos.open(AiDosConfig.builder().uri("local:" + folder).trainingWorkers(1)
                .property("serving.httpThreads", Integer.toString(ServingSettings.MIN_HTTP_THREADS)).build());
    }

    /** Trains and registers versions 1, 2 and 3 of {@value #MODEL} in a new store at {@code folder}. */
    public static void trainIris(Path folder) {
        try (AiDos aidos = open(folder)) {
            Path csv = folder.resolveSibling(folder.getFileName() + "-iris.csv");
            copyIris(csv);
            aidos.datasets().create("iris").fromCsv(csv).commit("iris");
            train(aidos, "iris", "logistic-regression");
            train(aidos, "iris", "cart");
            Path narrow = folder.resolveSibling(folder.getFileName() + "-iris-narrow.csv");
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                String[] cells = line.split(",");
                out.add(cells[0] + "," + cells[1] + "," + cells[2] + "," + cells[4]);
            }
            Files.write(narrow, out, StandardCharsets.UTF_8);
            aidos.datasets().create("iris-narrow").fromCsv(narrow).commit("iris without Petal.Width");
            train(aidos, "iris-narrow", "logistic-regression");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void train(AiDos aidos, String dataset, String algorithm) {
        aidos.trainer().dataset(dataset).target(TARGET).task(Task.CLASSIFICATION).algorithm(algorithm)
                .registerAs(MODEL).submit().await(Duration.ofMinutes(2));
    }

    /** The 150 iris rows as feature maps (the target left out). */
    public static List<Map<String, Object>> irisRows(AiDos aidos) {
        try (var rows = aidos.datasets().get("iris").latest().rows()) {
            return rows.map(ServingFixture::features).toList();
        }
    }

    static Map<String, Object> features(Row row) {
        Map<String, Object> m = new LinkedHashMap<>(row.asMap());
        m.remove(TARGET);
        return m;
    }

    private static void copyIris(Path file) throws IOException {
        try (InputStream in = ServingFixture.class.getResourceAsStream("/data/iris.csv")) {
            if (in == null) {
                throw new IllegalStateException("test resource /data/iris.csv (aidos-api test-jar) is missing");
            }
            Files.copy(in, file);
        }
    }
}
