package io.aidos.serving.internal.deploy;

import io.aidos.api.Variant;
import io.aidos.api.VariantRole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who gets a request, immutable: replaced as a whole on every rollout change, so a request reads one consistent
 * plan. Either a primary with an optional canary share, or an A/B split over arms; plus an optional shadow.
 */
record TrafficPlan(VariantRuntime primary, VariantRuntime canary, int canaryPercent, List<Arm> split,
                   VariantRuntime shadow, int shadowPercent) {

    record Arm(VariantRuntime variant, int percent) {
    }

    TrafficPlan {
        split = List.copyOf(split);
    }

    static TrafficPlan only(VariantRuntime primary) {
        return new TrafficPlan(primary, null, 0, List.of(), null, 0);
    }

    TrafficPlan withCanary(VariantRuntime v, int percent) {
        return new TrafficPlan(primary, v, percent, List.of(), shadow, shadowPercent);
    }

    TrafficPlan withShadow(VariantRuntime v, int percent) {
        return new TrafficPlan(primary, canary, canaryPercent, split, v, percent);
    }

    /** An A/B split; the primary becomes the arm with the largest share. */
    static TrafficPlan split(List<Arm> arms, VariantRuntime shadow, int shadowPercent) {
        Arm largest = arms.get(0);
        for (Arm a : arms) {
            if (a.percent() > largest.percent()) {
                largest = a;
            }
        }
        List<Arm> live = arms.stream().filter(a -> a.percent() > 0).toList();
        return live.size() == 1 ? new TrafficPlan(live.get(0).variant(), null, 0, List.of(), shadow, shadowPercent)
                : new TrafficPlan(largest.variant(), null, 0, live, shadow, shadowPercent);
    }

    /** The variant for one request; a routing key always lands on the same arm of a split. */
    VariantRuntime route(String routingKey) {
        if (!split.isEmpty()) {
            int bucket = routingKey != null ? bucket(routingKey) : ThreadLocalRandom.current().nextInt(100);
            int cumulative = 0;
            for (Arm a : split) {
                cumulative += a.percent();
                if (bucket < cumulative) {
                    return a.variant();
                }
            }
            return split.get(split.size() - 1).variant();
        }
        if (canary != null && ThreadLocalRandom.current().nextInt(100) < canaryPercent) {
            return canary;
        }
        return primary;
    }

    /** Whether this request is also mirrored to the shadow. */
    boolean mirror() {
        return shadow != null && ThreadLocalRandom.current().nextInt(100) < shadowPercent;
    }

    /** The serving (non-shadow) variant with model version {@code version}, or null. */
    VariantRuntime byVersion(int version) {
        for (VariantRuntime v : serving()) {
            if (v.version().version() == version) {
                return v;
            }
        }
        return null;
    }

    /** Variants that answer requests: primary, canary, split arms. */
    List<VariantRuntime> serving() {
        Set<VariantRuntime> all = new LinkedHashSet<>();
        if (split.isEmpty()) {
            all.add(primary);
            if (canary != null) {
                all.add(canary);
            }
        } else {
            split.forEach(a -> all.add(a.variant()));
        }
        return new ArrayList<>(all);
    }

    /** Every variant with replicas, shadow included. */
    Set<VariantRuntime> all() {
        Set<VariantRuntime> all = new LinkedHashSet<>(serving());
        if (shadow != null) {
            all.add(shadow);
        }
        return all;
    }

    List<Variant> describe() {
        List<Variant> out = new ArrayList<>();
        if (split.isEmpty()) {
            out.add(primary.describe(VariantRole.PRIMARY, 100 - (canary != null ? canaryPercent : 0)));
            if (canary != null) {
                out.add(canary.describe(VariantRole.CANARY, canaryPercent));
            }
        } else {
            split.forEach(a -> out.add(a.variant().describe(VariantRole.SPLIT, a.percent())));
        }
        if (shadow != null) {
            out.add(shadow.describe(VariantRole.SHADOW, shadowPercent));
        }
        return out;
    }

    /** A stable bucket 0..99 for a routing key (FNV-1a), the same in every process. */
    static int bucket(String key) {
        int h = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        h ^= h >>> 16; // FNV's low bits mix poorly; a final avalanche spreads them before the modulo
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return Math.floorMod(h, 100);
    }
}
