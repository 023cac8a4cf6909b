package io.aidos.spi;

import io.aidos.api.AiDos;
import io.aidos.api.Deployer;

/**
 * Deployments for a backend, found with {@link java.util.ServiceLoader} like {@link TrainerProvider}. The backend
 * opens the first provider that {@link #supports} it once; a deployer that is {@link AutoCloseable} is closed with
 * the backend (stopping its replicas and HTTP server, leaving the stored state to restore).
 */
public interface DeployerProvider {

    String name();

    boolean supports(AiDos aidos);

    Deployer open(AiDos aidos);
}
