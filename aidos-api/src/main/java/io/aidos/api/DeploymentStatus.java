package io.aidos.api;

/** Where a deployment is in its life. */
public enum DeploymentStatus {
    /** Loading its models. */
    STARTING,
    /** Serving requests. */
    RUNNING,
    /** Stopped by {@link Deployment#stop()}; stays stopped after a restart. */
    STOPPED
}
