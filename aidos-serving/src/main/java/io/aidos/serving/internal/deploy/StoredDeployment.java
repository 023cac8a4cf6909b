package io.aidos.serving.internal.deploy;

import io.aidos.api.Variant;
import io.aidos.api.VariantRole;

import java.util.List;

/** A deployment as stored: its spec, its variants (model, version, role, share) and its last rollout event. */
record StoredDeployment(io.aidos.api.DeploymentSpec spec, List<StoredVariant> variants, String lastEvent) {

    record StoredVariant(String model, int version, VariantRole role, int percent) {
        static StoredVariant of(Variant v) {
            return new StoredVariant(v.model(), v.version(), v.role(), v.percent());
        }
    }
}
