package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.core.internal.dataset.CsvParser;
import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV import MB/s of Fertility.csv (254,654 rows) through {@code datasets().create(...).fromCsv(...).commit(...)}
 * — parse, type inference, statistics, canonical encoding, SHA-256 and store — next to a plain parse of the same
 * file with the same RFC 4180 parser and nothing else. Best of 3 after 3 warm-up rounds of each.
 */
final class CsvImport {
    private final Path work;

    CsvImport(Path work) {
        this.work = work;
    }

    static Path sharedData(String name) {
        String root = System.getProperty("aidos.project.root", ".");
        for (Path p : new Path[] {Path.of(root, "..", "shared", "data", name), Path.of("..", "shared", "data", name),
                Path.of("..", "..", "shared", "data", name)}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    List<String[]> run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        Path file = sharedData("Fertility.csv");
        if (file == null) {
            System.err.println("../shared/data/Fertility.csv not found: skipping the CSV import rows");
            return rows;
        }
        double mb = Files.size(file) / 1e6;
        try (AiDos aidos = AiDos.open("local:" + work.resolve("csv-store"))) {
            for (int warm = 0; warm < 3; warm++) { // the first imports run while the JIT is still compiling
                importOnce(aidos, file, -1 - warm);
                plainParse(file);
            }
            long importNanos = Long.MAX_VALUE;
            long parseNanos = Long.MAX_VALUE;
            for (int rep = 1; rep <= 3; rep++) {
                importNanos = Math.min(importNanos, importOnce(aidos, file, rep));
                parseNanos = Math.min(parseNanos, plainParse(file));
            }
            double importRate = mb / (importNanos / 1e9);
            double parseRate = mb / (parseNanos / 1e9);
            rows.add(new String[] {"CSV import, Fertility.csv", String.format("%.1f MB/s", importRate),
                    String.format("%.1f MB/s plain parse", parseRate), Table.ratio(importRate, parseRate),
                    String.format("%.1f MB, 254,654 rows; import %.0f ms, parse %.0f ms", mb, importNanos / 1e6,
                            parseNanos / 1e6)});
        }
        return rows;
    }

    private static long importOnce(AiDos aidos, Path file, int rep) {
        long start = System.nanoTime();
        aidos.datasets().create("fertility-" + (rep < 0 ? "warm" + -rep : rep)).fromCsv(file).commit("benchmark");
        return System.nanoTime() - start;
    }

    private static long plainParse(Path file) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        try (InputStream in = Files.newInputStream(file);
             CsvParser parser = new CsvParser(in, file.getFileName().toString(), CsvParser.DEFAULT_NULL_TOKENS)) {
            parser.readHeader();
            while (parser.next() != null) {
                rows++;
            }
        }
        if (rows != 254_654) {
            throw new IllegalStateException("expected 254,654 rows but parsed " + rows);
        }
        return System.nanoTime() - start;
    }
}
