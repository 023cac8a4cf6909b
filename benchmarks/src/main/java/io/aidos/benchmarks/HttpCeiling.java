package io.aidos.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The HTTP ceiling (bare Javalin on the serving pool), measured again after every row read against it. A 2-core VM's
 * speed drifts a lot within minutes (bare Javalin 126k req/s at the start of a run and 64k twenty minutes later on
 * 2026-12-05), so each row is read against the mean of the ceiling measured just before it and just after it.
 */
final class HttpCeiling implements AutoCloseable {
    private final ServingBenchmark serving;
    private final BareJavalin javalin = BareJavalin.start(true);
    private final List<LoadResult> measured = new ArrayList<>();

    HttpCeiling(ServingBenchmark serving) {
        this.serving = serving;
    }

    /** The bare endpoint, for other loads against the same server. */
    URI uri() {
        return javalin.uri();
    }

    /** Measures the ceiling (again) and returns this measurement. */
    LoadResult measure() throws Exception {
        LoadResult r = serving.load(uri(), ServingBenchmark.OIP_ROW).closedLoop(ServingBenchmark.CONNECTIONS);
        measured.add(r);
        return r;
    }

    /** A row measured by {@code row} and the ceiling either side of it. */
    Bracketed around(Measurement row) throws Exception {
        if (measured.isEmpty()) {
            measure();
        }
        LoadResult before = measured.get(measured.size() - 1);
        LoadResult r = row.run();
        return new Bracketed(r, before, measure());
    }

    /** Every measurement of the ceiling so far, in req/s, in order. */
    String history() {
        return measured.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond()))
                .collect(Collectors.joining(" / "));
    }

    @Override
    public void close() {
        javalin.close();
    }

    /** Runs one measured row. */
    interface Measurement {
        LoadResult run() throws Exception;
    }

    /** A row and the ceiling measured just before and just after it. */
    record Bracketed(LoadResult row, LoadResult before, LoadResult after) {
        double ceiling() {
            return (before.perSecond() + after.perSecond()) / 2;
        }

        String ceilingText() {
            return String.format(Locale.ROOT, "bare Javalin %,.0f/s (%,.0f before, %,.0f after)", ceiling(),
                    before.perSecond(), after.perSecond());
        }
    }
}
