package io.aidos.serving.internal.deploy;

import io.aidos.api.Autoscaling;
import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;
import io.aidos.api.Variant;
import io.aidos.api.VariantRole;
import io.aidos.serving.internal.scaling.Autoscaler;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.stats.RequestRecorder;

/** One model version in a deployment: its replicas, its request stats, and its autoscaler when scaling is on. */
final class VariantRuntime {
    private final ModelVersion version;
    private final String id;
    private final ReplicaSet replicas;
    private final RequestRecorder recorder;
    private final Autoscaler autoscaler;
    private volatile ModelSignature signature;

    VariantRuntime(ModelVersion version, ReplicaSet replicas, RequestRecorder recorder, Autoscaling scaling,
                   int initialReplicas) {
        this.version = version;
        this.id = Variant.id(version.modelName(), version.version());
        this.replicas = replicas;
        this.recorder = recorder;
        this.autoscaler = scaling.enabled() ? new Autoscaler(scaling, initialReplicas, System.nanoTime()) : null;
    }

    String id() {
        return id;
    }

    ModelVersion version() {
        return version;
    }

    ReplicaSet replicas() {
        return replicas;
    }

    RequestRecorder recorder() {
        return recorder;
    }

    /** One autoscaling step: observe the in-flight requests and move the replica count towards the wanted one. */
    void autoscale(long nowNanos) {
        if (autoscaler == null || replicas.stopped()) {
            return;
        }
        autoscaler.observe(nowNanos, replicas.inFlight());
        int wanted = autoscaler.desiredReplicas(nowNanos, Math.max(1, replicas.size()));
        if (wanted != replicas.target()) {
            replicas.scaleTo(wanted);
        }
    }

    /** What the model takes and gives, read from a serving replica once. */
    ModelSignature signature() {
        ModelSignature s = signature;
        if (s == null) {
            Predictor p = replicas.anyPredictor();
            if (p == null) {
                throw new IllegalStateException("variant " + id + " has no serving replica");
            }
            s = ModelSignature.of(p);
            signature = s;
        }
        return s;
    }

    Variant describe(VariantRole role, int percent) {
        return new Variant(id, version.modelName(), version.version(), role, percent, replicas.size());
    }
}
