package io.aidos.api;

/**
 * One model version serving in a deployment.
 *
 * @param id {@code MODEL:VERSION}, the key of its {@link DeploymentStats#variants() stats}
 * @param percent its share of traffic (for a shadow: the share of requests mirrored to it)
 * @param replicas its replicas now (autoscaling changes this)
 */
public record Variant(String id, String model, int version, VariantRole role, int percent, int replicas) {

    public static String id(String model, int version) {
        return model + ":" + version;
    }
}
