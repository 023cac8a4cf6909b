package io.aidos.api;

/** No running deployment with the given name. */
public class DeploymentNotFoundException extends NotFoundException {
    public DeploymentNotFoundException(String name) {
        super("deployment", name);
    }
}
