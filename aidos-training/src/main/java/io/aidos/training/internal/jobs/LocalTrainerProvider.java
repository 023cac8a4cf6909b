package io.aidos.training.internal.jobs;

import io.aidos.api.AiDos;
import io.aidos.api.Trainer;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.spi.TrainerProvider;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;

/** Training for the embedded backends (found by ServiceLoader). */
public final class LocalTrainerProvider implements TrainerProvider {

    @Override
    public String name() {
        return "aidos-training";
    }

    @Override
    public boolean supports(AiDos aidos) {
        return aidos instanceof LocalAiDos;
    }

    @Override
    public Trainer open(AiDos aidos) {
        return new LocalTrainer((LocalAiDos) aidos, AlgorithmCatalog.standard(), lease());
    }

    /**
     * How long a silent worker keeps its jobs: {@code -Daidos.training.leaseMillis} (default 20 s). Shorter means a
     * dead worker's job moves on sooner, and more heartbeat writes.
     */
    static java.time.Duration lease() {
        long millis = Long.getLong("aidos.training.leaseMillis", LocalTrainer.LEASE.toMillis());
        if (millis < 100 || millis > 3_600_000) {
            throw new io.aidos.api.InvalidInputException("aidos.training.leaseMillis", millis,
                    "must be between 100 and 3600000");
        }
        return java.time.Duration.ofMillis(millis);
    }
}
