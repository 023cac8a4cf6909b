package io.aidos.serving.internal.deploy;

import io.aidos.api.Batching;
import io.aidos.api.Predictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The replicas of one variant and the balancer over them: power of two choices on outstanding requests (pick two
 * at random, use the less loaded), falling back to any replica with a free slot. Scaling up loads models on the
 * loader executor and adds them when ready; scaling down drains the least loaded replicas.
 */
final class ReplicaSet {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSet.class);
    private static final Replica[] NONE = new Replica[0];

    private final String variantId;
    private final Supplier<Predictor> loader;
    private final int maxConcurrency;
    private final int queueCapacity;
    private final Batching batching;
    private final Arrivals arrivals;
    private final Executor loadExecutor;
    private final AtomicInteger loading = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger(); // replicas whose model is not yet closed
    private final AtomicInteger counter = new AtomicInteger();
    private volatile Replica[] active = NONE;
    private volatile boolean stopped;

    ReplicaSet(String variantId, Supplier<Predictor> loader, int maxConcurrency, int queueCapacity, Batching batching,
               Arrivals arrivals, Executor loadExecutor) {
        this.variantId = variantId;
        this.loader = loader;
        this.maxConcurrency = maxConcurrency;
        this.queueCapacity = queueCapacity;
        this.batching = batching;
        this.arrivals = arrivals;
        this.loadExecutor = loadExecutor;
    }

    /** Loads {@code count} replicas now; returns when all are serving. A failed load closes what was loaded. */
    void start(int count) {
        List<Replica> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(newReplica());
            }
        } catch (RuntimeException e) {
            started.forEach(Replica::drain);
            throw e;
        }
        synchronized (this) {
            active = started.toArray(NONE);
        }
    }

    /** A replica holding a slot for the caller, or null when every replica is draining or full. */
    Replica acquire() {
        Replica[] rs = active;
        int n = rs.length;
        if (n == 0) {
            return null;
        }
        if (n == 1) {
            return rs[0].tryAcquire() ? rs[0] : null;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int i = random.nextInt(n);
        int j = random.nextInt(n - 1);
        if (j >= i) {
            j++;
        }
        Replica a = rs[i];
        Replica b = rs[j];
        if (b.outstanding() < a.outstanding()) {
            Replica t = a;
            a = b;
            b = t;
        }
        if (a.tryAcquire()) {
            return a;
        }
        if (b.tryAcquire()) {
            return b;
        }
        for (int k = 0; k < n; k++) {
            Replica r = rs[(i + k) % n];
            if (r.tryAcquire()) {
                return r;
            }
        }
        return null;
    }

    /** Replicas serving now. */
    int size() {
        return active.length;
    }

    /** Replicas serving or being loaded. */
    int target() {
        return active.length + loading.get();
    }

    /** Requests held by the serving replicas (running and queued). */
    int inFlight() {
        int sum = 0;
        for (Replica r : active) {
            sum += r.outstanding();
        }
        return sum;
    }

    /** The model of a serving replica, for metadata; null when none serves. */
    Predictor anyPredictor() {
        Replica[] rs = active;
        return rs.length == 0 ? null : rs[0].predictor();
    }

    /** Moves towards {@code count} replicas: loads the missing ones in the background, drains the surplus. */
    synchronized void scaleTo(int count) {
        if (stopped) {
            return;
        }
        int missing = count - target();
        for (int i = 0; i < missing; i++) {
            loading.incrementAndGet();
            loadExecutor.execute(this::loadOne);
        }
        int surplus = active.length - count;
        if (surplus > 0) {
            Replica[] sorted = active.clone();
            Arrays.sort(sorted, Comparator.comparingInt(Replica::outstanding));
            List<Replica> keep = new ArrayList<>(Arrays.asList(sorted).subList(surplus, sorted.length));
            active = keep.toArray(NONE);
            for (int i = 0; i < surplus; i++) {
                sorted[i].drain();
            }
        }
    }

    private void loadOne() {
        try {
            Replica r = newReplica();
            synchronized (this) {
                if (stopped) {
                    r.drain();
                    return;
                }
                Replica[] next = Arrays.copyOf(active, active.length + 1);
                next[next.length - 1] = r;
                active = next;
            }
        } catch (RuntimeException e) {
            LOG.warn("could not load a replica of {}: {}", variantId, e.getMessage());
        } finally {
            loading.decrementAndGet();
        }
    }

    private Replica newReplica() {
        Predictor p = loader.get();
        open.incrementAndGet();
        return new Replica(variantId + "#" + counter.incrementAndGet(), p, maxConcurrency, queueCapacity, batching,
                arrivals, open::decrementAndGet);
    }

    /** Takes every replica out of service; each closes its model once its requests are answered. */
    synchronized void stop() {
        stopped = true;
        Replica[] rs = active;
        active = NONE;
        for (Replica r : rs) {
            r.drain();
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Waits until every model of a stopped set is closed (requests answered), up to {@code timeoutMillis}. */
    boolean awaitClosed(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (open.get() > 0 || loading.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            CountDownLatch pause = new CountDownLatch(1);
            pause.await(5, TimeUnit.MILLISECONDS);
        }
        return true;
    }
}
