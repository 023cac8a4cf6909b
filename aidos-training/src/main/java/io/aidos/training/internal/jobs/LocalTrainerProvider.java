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
        return new LocalTrainer((LocalAiDos) aidos, AlgorithmCatalog.standard(), LocalTrainer.LEASE);
    }
}
