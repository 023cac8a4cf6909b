/**
 * Request counts and latency distributions recorded on the serving hot path: a lock-free log-linear
 * {@link io.aidos.serving.internal.stats.LatencyHistogram} and, per variant, a
 * {@link io.aidos.serving.internal.stats.RequestRecorder} with totals since start and a sliding window that
 * automatic rollback judges a canary by.
 */
package io.aidos.serving.internal.stats;
