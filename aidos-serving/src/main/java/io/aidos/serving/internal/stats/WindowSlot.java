package io.aidos.serving.internal.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The requests of one slice of a {@link RequestRecorder}'s window: slice number {@code epoch} counting from the
 * clock's zero. Replaced, never cleared, when the ring comes round to it again, so a record cannot land in a slot
 * half reset.
 */
final class WindowSlot {
    final long epoch;
    final LatencyHistogram latencies = new LatencyHistogram();
    final LongAdder errors = new LongAdder();

    WindowSlot(long epoch) {
        this.epoch = epoch;
    }
}
