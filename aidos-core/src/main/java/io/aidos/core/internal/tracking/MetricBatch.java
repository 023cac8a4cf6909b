package io.aidos.core.internal.tracking;

/** Metric points of one run in columnar arrays; the first {@code size} entries are valid. */
record MetricBatch(String runId, String[] keys, double[] values, long[] steps, long[] timestamps, int size) {
}
