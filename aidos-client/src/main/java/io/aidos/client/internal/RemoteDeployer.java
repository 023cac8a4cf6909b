package io.aidos.client.internal;

import io.aidos.api.Deployer;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentNotFoundException;
import io.aidos.api.DeploymentSpec;
import io.aidos.spi.Arguments;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's deployments of this caller's organization, over {@code /api/v1/deployments}. Starting one is a
 * POST that is never retried (it could start twice); the model runs in the server, which also serves its HTTP
 * endpoint.
 */
final class RemoteDeployer implements Deployer {
    private final Rest rest;

    RemoteDeployer(Rest rest) {
        this.rest = rest;
    }

    @Override
    public Deployment start(DeploymentSpec spec) {
        Arguments.notNull("spec", spec);
        return new RemoteDeployment(rest, rest.post(rest.url("deployments"), DeploymentJson.spec(spec)));
    }

    @Override
    public Deployment get(String name) {
        Arguments.identifier("deployment name", name);
        return new RemoteDeployment(rest, rest.get(rest.url("deployments", name)));
    }

    @Override
    public boolean exists(String name) {
        try {
            get(name);
            return true;
        } catch (DeploymentNotFoundException e) {
            return false;
        }
    }

    @Override
    public List<Deployment> list() {
        List<Deployment> out = new ArrayList<>();
        rest.get(rest.url("deployments")).forEach(n -> out.add(new RemoteDeployment(rest, n)));
        return out;
    }
}
