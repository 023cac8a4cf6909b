package io.aidos.serving.internal.deploy;

import io.aidos.api.AiDos;
import io.aidos.api.Deployer;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.spi.DeployerProvider;

/** Deployments for the embedded backends (found by ServiceLoader). */
public final class LocalDeployerProvider implements DeployerProvider {

    @Override
    public String name() {
        return "aidos-serving";
    }

    @Override
    public boolean supports(AiDos aidos) {
        return aidos instanceof LocalAiDos;
    }

    @Override
    public Deployer open(AiDos aidos) {
        return LocalDeployer.open((LocalAiDos) aidos);
    }
}
