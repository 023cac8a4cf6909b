package io.aidos.spi;

import io.aidos.api.AiDos;
import io.aidos.api.Trainer;

/**
 * Training for a backend, found with {@link java.util.ServiceLoader}. A backend asks each provider whether it
 * {@link #supports} it and opens the first that does, once; a returned trainer that is {@link AutoCloseable} is
 * closed with the backend (stopping its workers).
 */
public interface TrainerProvider {

    String name();

    boolean supports(AiDos aidos);

    Trainer open(AiDos aidos);
}
