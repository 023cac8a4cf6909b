package io.aidos.serving.internal.deploy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The requests for one deployment that the HTTP routes are reading and decoding, not yet handed to a replica. A
 * batcher waits for more rows only while some are on their way; with none, waiting would only add latency.
 */
public final class Arrivals {
    private final AtomicInteger reading = new AtomicInteger();

    /** Runs {@code decode} (reading a request) counted as an arrival. */
    public <T> T during(Supplier<T> decode) {
        reading.incrementAndGet();
        try {
            return decode.get();
        } finally {
            reading.decrementAndGet();
        }
    }

    boolean none() {
        return reading.get() == 0;
    }
}
