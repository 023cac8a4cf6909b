package io.aidos.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an {@link HttpLoad} run measured: answers per second, latency percentiles, answers that were not 200 (or
 * failed), and the cores this JVM (server and load generator) and other processes kept busy meanwhile. {@code rounds} holds every round's figure when this
 * is the best of several.
 */
record LoadResult(double perSecond, double p50Millis, double p99Millis, long answered, long failed,
                  double ownCores, double otherCores, List<Double> rounds) {

    LoadResult withRounds(List<Double> all) {
        return new LoadResult(perSecond, p50Millis, p99Millis, answered, failed, ownCores, otherCores, List.copyOf(all));
    }

    String summary() {
        return String.format(Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms", perSecond, p50Millis, p99Millis);
    }

    String latencies() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", p50Millis, p99Millis);
    }

    /** "best of 3: 15,200 / 16,026 / 14,900 req/s; this JVM 1.8 cores, others 0.2; 3 not 200". */
    String notes(String unit, String format) {
        StringBuilder sb = new StringBuilder();
        if (rounds.size() > 1) {
            sb.append("best of ").append(rounds.size()).append(": ").append(rounds.stream()
                    .map(r -> String.format(Locale.ROOT, format, r)).collect(Collectors.joining(" / ")))
                    .append(' ').append(unit).append("; ");
        }
        sb.append(String.format(Locale.ROOT, "this JVM %.2f cores, others %.1f", ownCores, otherCores));
        if (failed > 0) {
            sb.append("; ").append(failed).append(" not 200");
        }
        return sb.toString();
    }
}
