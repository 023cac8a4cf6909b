package io.aidos.api;

import java.time.Instant;

/** One logged metric value. {@code value} may be NaN or infinite. */
public record MetricPoint(String name, double value, long step, Instant timestamp) {
}
