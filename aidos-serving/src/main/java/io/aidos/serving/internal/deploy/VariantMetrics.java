package io.aidos.serving.internal.deploy;

import io.aidos.serving.internal.stats.LatencyHistogram;

/**
 * One stats key's counters as a metrics scrape reads them: what {@link io.aidos.api.VariantStats} holds, with the
 * latency histogram itself and the latencies' sum instead of percentiles.
 *
 * @param variant the stats key: {@code MODEL:VERSION}, or {@code shadow:MODEL:VERSION} for mirrored requests
 * @param latencies a copy of the latencies since start
 * @param latencySumNanos the latencies since start, added up
 */
public record VariantMetrics(String variant, long requests, long errors, long rejected, LatencyHistogram latencies,
                             long latencySumNanos, int inFlight, int replicas) {
}
