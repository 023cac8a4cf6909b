package io.aidos.api;

import java.util.Map;

/**
 * A deployment's counters since it started: the total over the variants that answer callers, and each variant by
 * {@link Variant#id()} ({@code MODEL:VERSION}), including versions that have left the deployment. Mirrored (shadow)
 * requests count apart under {@code shadow:MODEL:VERSION} and not in the total. {@code rejected} counts requests
 * refused as overloaded (for a shadow: mirrors dropped because it was full).
 */
public record DeploymentStats(VariantStats total, Map<String, VariantStats> variants, String lastEvent) {
    public DeploymentStats {
        variants = Map.copyOf(variants);
    }

    public long requests() {
        return total.requests();
    }

    public long errors() {
        return total.errors();
    }
}
