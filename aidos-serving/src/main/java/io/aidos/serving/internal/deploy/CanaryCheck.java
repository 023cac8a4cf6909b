package io.aidos.serving.internal.deploy;

import io.aidos.api.RollbackPolicy;
import io.aidos.serving.internal.stats.WindowSnapshot;

import java.util.Locale;

/** Whether a canary's recent requests break its {@link RollbackPolicy}, and why. */
final class CanaryCheck {
    private CanaryCheck() {
    }

    /** Why the canary must go, or null while it has too few requests or stays within the policy. */
    static String breach(WindowSnapshot w, RollbackPolicy policy) {
        if (w.requests() < policy.minRequests()) {
            return null;
        }
        String reason = null;
        if (w.errorRate() > policy.maxErrorRate()) {
            reason = String.format(Locale.ROOT, "error rate %.3f > %.3f", w.errorRate(), policy.maxErrorRate());
        } else if (w.p99Nanos() > policy.maxP99().toNanos()) {
            reason = String.format(Locale.ROOT, "p99 %.3f ms > %.3f ms", w.p99Nanos() / 1e6,
                    policy.maxP99().toNanos() / 1e6);
        }
        return reason == null ? null : reason + " over " + w.requests() + " requests";
    }
}
