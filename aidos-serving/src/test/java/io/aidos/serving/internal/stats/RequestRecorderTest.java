package io.aidos.serving.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A recorder on a hand-driven clock: the window is 10 s, split into slots of 1 s. */
class RequestRecorderTest {
    private static final long MS = 1_000_000;
    private static final long SECOND = 1_000_000_000;

    private final AtomicLong nanos = new AtomicLong(-3 * SECOND); // nanoTime may be negative
    private final RequestRecorder recorder = new RequestRecorder(Duration.ofSeconds(10), nanos::get);

    @Test
    void emptyRecorderCountsNothing() {
        assertThat(recorder.requests()).isZero();
        assertThat(recorder.errors()).isZero();
        assertThat(recorder.rejectedCount()).isZero();
        assertThat(recorder.total().count()).isZero();
        assertThat(recorder.window()).isEqualTo(new WindowSnapshot(0, 0, 0));
        assertThat(recorder.window().errorRate()).isZero();
    }

    @Test
    void requestsCountSuccessesAndFailuresButNotRejections() {
        recorder.success(10 * MS);
        recorder.success(20 * MS);
        recorder.failure(30 * MS);
        recorder.rejected();
        recorder.rejected();

        assertThat(recorder.requests()).isEqualTo(3);
        assertThat(recorder.errors()).isEqualTo(1);
        assertThat(recorder.rejectedCount()).isEqualTo(2);
        assertThat(recorder.total().count()).as("failures have latencies too").isEqualTo(3);
        WindowSnapshot window = recorder.window();
        assertThat(window.requests()).isEqualTo(3);
        assertThat(window.errors()).isEqualTo(1);
        assertThat(window.errorRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat((double) window.p99Nanos()).isCloseTo(30 * MS, within(30 * MS * 0.03));
    }

    @Test
    void totalIsACopyThatLaterRecordsDoNotChange() {
        recorder.success(MS);
        LatencyHistogram copy = recorder.total();
        recorder.success(MS);
        copy.record(5 * MS);
        assertThat(copy.count()).isEqualTo(2);
        assertThat(recorder.total().count()).isEqualTo(2);
        assertThat(recorder.requests()).isEqualTo(2);
    }

    @Test
    void windowForgetsSlotsOlderThanTheWindow() {
        for (int i = 0; i < 100; i++) {
            recorder.failure(900 * MS); // a bad start: slow and failing
        }
        nanos.addAndGet(5 * SECOND);
        for (int i = 0; i < 100; i++) {
            recorder.success(2 * MS);
        }
        WindowSnapshot both = recorder.window();
        assertThat(both.requests()).isEqualTo(200);
        assertThat(both.errors()).isEqualTo(100);
        assertThat((double) both.p99Nanos()).isCloseTo(900 * MS, within(900 * MS * 0.03));

        nanos.addAndGet(5 * SECOND); // the failures' slot is now 10 s old
        WindowSnapshot recent = recorder.window();
        assertThat(recent.requests()).isEqualTo(100);
        assertThat(recent.errors()).isZero();
        assertThat((double) recent.p99Nanos()).isCloseTo(2 * MS, within(2 * MS * 0.03));

        nanos.addAndGet(5 * SECOND);
        assertThat(recorder.window()).isEqualTo(new WindowSnapshot(0, 0, 0));
        assertThat(recorder.requests()).as("totals keep everything").isEqualTo(200);
        assertThat(recorder.errors()).isEqualTo(100);
        assertThat(recorder.total().count()).isEqualTo(200);
    }

    @Test
    void windowCoversTheLastTenSlotsIncludingTheCurrentOne() {
        recorder.success(MS);
        nanos.addAndGet(9 * SECOND + 999 * MS);
        recorder.success(MS);
        assertThat(recorder.window().requests()).isEqualTo(2);
        nanos.addAndGet(SECOND); // nothing recorded since: the old slots are still in the ring, only read
        assertThat(recorder.window().requests()).isEqualTo(1);
    }

    @Test
    void slotsAreReusedAsTheClockGoesRoundTheRingManyTimes() {
        for (int second = 0; second < 100; second++) {
            recorder.success(second * MS + MS);
            if (second % 4 == 0) {
                recorder.failure(MS);
            }
            nanos.addAndGet(SECOND);
        }
        // The last 10 s hold seconds 91..99 (the clock is now at second 100's slot, still empty).
        WindowSnapshot window = recorder.window();
        assertThat(window.requests()).isEqualTo(9 + 2); // failures at 92 and 96
        assertThat(window.errors()).isEqualTo(2);
        assertThat(recorder.requests()).isEqualTo(100 + 25);
    }

    @Test
    void concurrentRecordingFromFourThreadsLosesNoCounts() throws Exception {
        int threads = 4;
        int perThread = 100_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (i % 10 == 0) {
                            recorder.failure(5 * MS);
                        } else {
                            recorder.success(MS + i % 100);
                        }
                        if (thread == 0 && i % 10_000 == 0) {
                            nanos.addAndGet(SECOND / 2); // slots rotate while the others record
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long expected = (long) threads * perThread;
        assertThat(recorder.requests()).isEqualTo(expected);
        assertThat(recorder.errors()).isEqualTo(expected / 10);
        assertThat(recorder.total().count()).isEqualTo(expected);
        // The clock moved 5 s in all, inside the 10 s window: every record is still in it.
        WindowSnapshot window = recorder.window();
        assertThat(window.requests()).isEqualTo(expected);
        assertThat(window.errors()).isEqualTo(expected / 10);
    }

    @Test
    void rejectsAWindowTooShortToSplitAndANullClock() {
        assertThatThrownBy(() -> new RequestRecorder(Duration.ofNanos(9), nanos::get))
                .hasMessageContaining("at least 10 ns but was PT0.000000009S");
        assertThatThrownBy(() -> new RequestRecorder(Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowSnapshotChecksItsValues() {
        assertThat(new WindowSnapshot(4, 1, 7).errorRate()).isEqualTo(0.25);
        assertThatThrownBy(() -> new WindowSnapshot(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
