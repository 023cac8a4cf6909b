package io.aidos.serving.internal.deploy;

import io.aidos.api.DeploymentStats;
import io.aidos.api.VariantStats;
import io.aidos.serving.internal.stats.LatencyHistogram;
import io.aidos.serving.internal.stats.RequestRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns request recorders into the API's {@link VariantStats}. */
final class Stats {
    private Stats() {
    }

    /** A deployment's stats: each stats key's counters, live numbers for the variants in {@code plan}. */
    static DeploymentStats of(TrafficPlan p, DeploymentRecorders recorders, String lastEvent) {
        Map<String, VariantStats> byKey = new LinkedHashMap<>();
        Map<String, VariantRuntime> live = live(p);
        List<RequestRecorder> totals = new ArrayList<>();
        recorders.snapshot().forEach((key, rec) -> {
            VariantRuntime v = live.get(key);
            if (neverServed(v, rec)) {
                return;
            }
            byKey.put(key, of(rec, v == null ? 0 : v.replicas().inFlight(), v == null ? 0 : v.replicas().size()));
            if (!key.startsWith(DeploymentRecorders.SHADOW_PREFIX)) {
                totals.add(rec);
            }
        });
        return new DeploymentStats(total(totals, p), byKey, lastEvent);
    }

    /** Each stats key's counters and latency histogram, with live numbers for the variants in {@code plan}. */
    static List<VariantMetrics> metrics(TrafficPlan p, DeploymentRecorders recorders) {
        Map<String, VariantRuntime> live = live(p);
        List<VariantMetrics> out = new ArrayList<>();
        recorders.snapshot().forEach((key, rec) -> {
            VariantRuntime v = live.get(key);
            if (neverServed(v, rec)) {
                return;
            }
            out.add(new VariantMetrics(key, rec.requests(), rec.errors(), rec.rejectedCount(), rec.total(),
                    rec.latencySumNanos(), v == null ? 0 : v.replicas().inFlight(), v == null ? 0 : v.replicas().size()));
        });
        return out;
    }

    /** The variants running now by stats key, the shadow under its own. */
    private static Map<String, VariantRuntime> live(TrafficPlan p) {
        Map<String, VariantRuntime> live = new LinkedHashMap<>();
        p.serving().forEach(v -> live.put(v.id(), v));
        if (p.shadow() != null) {
            live.put(DeploymentRecorders.SHADOW_PREFIX + p.shadow().id(), p.shadow());
        }
        return live;
    }

    /** A version that only ever shadowed: its real-traffic entry stays empty and is left out. */
    private static boolean neverServed(VariantRuntime live, RequestRecorder rec) {
        return live == null && rec.requests() == 0 && rec.rejectedCount() == 0;
    }

    static VariantStats of(RequestRecorder r, int inFlight, int replicas) {
        return of(r.requests(), r.errors(), r.rejectedCount(), r.total(), inFlight, replicas);
    }

    static VariantStats total(List<RequestRecorder> recorders, TrafficPlan plan) {
        LatencyHistogram all = new LatencyHistogram();
        long requests = 0;
        long errors = 0;
        long rejected = 0;
        for (RequestRecorder r : recorders) {
            requests += r.requests();
            errors += r.errors();
            rejected += r.rejectedCount();
            r.total().addTo(all);
        }
        int inFlight = 0;
        int replicas = 0;
        for (VariantRuntime v : plan.all()) {
            inFlight += v.replicas().inFlight();
            replicas += v.replicas().size();
        }
        return of(requests, errors, rejected, all, inFlight, replicas);
    }

    private static VariantStats of(long requests, long errors, long rejected, LatencyHistogram h, int inFlight,
                                   int replicas) {
        return new VariantStats(requests, errors, rejected, Duration.ofNanos(h.percentileNanos(50)),
                Duration.ofNanos(h.percentileNanos(95)), Duration.ofNanos(h.percentileNanos(99)), inFlight, replicas);
    }
}
