package io.aidos.serving.internal.stats;

/**
 * What a variant answered over the recent window of a {@link RequestRecorder}.
 *
 * @param requests successes and failures (rejections not included)
 * @param errors failures
 * @param p99Nanos 99th percentile latency of successes and failures together; 0 when there were none
 */
public record WindowSnapshot(long requests, long errors, long p99Nanos) {
    public WindowSnapshot {
        if (requests < 0 || errors < 0 || errors > requests || p99Nanos < 0) {
            throw new IllegalArgumentException("need 0 <= errors <= requests and p99 >= 0 but were " + errors
                    + ", " + requests + ", " + p99Nanos);
        }
    }

    /** Errors per request, 0 when there were no requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
