package io.aidos.api;

import java.time.Duration;

/** Requests, failures and latency percentiles (time in the deployment, queueing included) of a variant or a total. */
public record VariantStats(long requests, long errors, long rejected, Duration p50, Duration p95, Duration p99,
                           int inFlight, int replicas) {

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
