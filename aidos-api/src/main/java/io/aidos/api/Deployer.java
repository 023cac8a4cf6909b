package io.aidos.api;

import java.util.List;

/**
 * Model deployments: replicas of a registered model behind a load balancer and an HTTP inference endpoint.
 *
 * <pre>{@code
 * Deployment d = aidos.deployer().deploy("iris-prod").model("iris", "production").replicas(2).autoscale(1, 8).start();
 * }</pre>
 *
 * Needs {@code io.aidos:aidos-serving} on the class path for the embedded backends. A deployment's state (its
 * variants, traffic split and settings) is stored, and running deployments start again when a deployer is next
 * opened on the same store.
 */
public interface Deployer {

    /** Describes a new deployment named {@code name} (unique among this organization's running deployments). */
    default DeploymentDraft deploy(String name) {
        return new DeploymentDraft(this, name);
    }

    /** Starts the deployment {@code spec} describes; {@link DeploymentDraft#start()} calls this. */
    Deployment start(DeploymentSpec spec);

    /** The running deployment named {@code name}, or {@link DeploymentNotFoundException}. */
    Deployment get(String name);

    boolean exists(String name);

    /** The running deployments, by name. */
    List<Deployment> list();
}
