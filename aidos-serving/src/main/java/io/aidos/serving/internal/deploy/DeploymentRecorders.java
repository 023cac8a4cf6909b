package io.aidos.serving.internal.deploy;

import io.aidos.serving.internal.stats.RequestRecorder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployment's request counters by stats key, kept for its whole life: a version that leaves and comes back
 * (rolled back, then canaried again) keeps counting where it stopped. Mirrored requests count apart, under
 * {@code shadow:MODEL:VERSION}, so they never mix with the version's real traffic or the total.
 */
final class DeploymentRecorders {
    static final String SHADOW_PREFIX = "shadow:";

    private final Duration window;
    private final Map<String, RequestRecorder> byKey = new LinkedHashMap<>();

    DeploymentRecorders(Duration window) {
        this.window = window;
    }

    synchronized RequestRecorder serving(String variantId) {
        return byKey.computeIfAbsent(variantId, k -> new RequestRecorder(window, System::nanoTime));
    }

    synchronized RequestRecorder shadow(String variantId) {
        return byKey.computeIfAbsent(SHADOW_PREFIX + variantId, k -> new RequestRecorder(window, System::nanoTime));
    }

    synchronized Map<String, RequestRecorder> snapshot() {
        return new LinkedHashMap<>(byKey);
    }
}
