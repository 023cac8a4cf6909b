package io.aidos.serving.internal.scaling;

import java.util.ArrayDeque;

/**
 * The largest value recorded within the last {@code windowNanos}, exactly: a deque of (time, value) whose values
 * strictly decrease from head to tail, so a value is dropped as soon as a later one at least as large makes it
 * irrelevant. It never holds more entries than there are distinct values. Not thread-safe.
 */
final class SlidingMax {
    private record Entry(long atNanos, int value) {
    }

    private final long windowNanos;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    SlidingMax(long windowNanos) {
        if (windowNanos < 1) {
            throw new IllegalArgumentException("window must be positive but was " + windowNanos + " ns");
        }
        this.windowNanos = windowNanos;
    }

    /** Records {@code value} at {@code nowNanos} and answers the largest value of the window ending now. */
    int record(long nowNanos, int value) {
        while (!entries.isEmpty() && entries.peekLast().value() <= value) {
            entries.pollLast();
        }
        entries.addLast(new Entry(nowNanos, value));
        while (nowNanos - entries.peekFirst().atNanos() >= windowNanos) {
            entries.pollFirst(); // never the entry just added: its age is 0
        }
        return entries.peekFirst().value();
    }
}
