package io.aidos.spring;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosException;
import io.aidos.api.Job;
import io.aidos.api.JobStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges read from the store when scraped: {@code aidos.datasets}, {@code aidos.models}, and, when training is on the
 * class path, {@code aidos.training.jobs} by {@code status} (queued, running; among the 1,000 newest jobs). A store
 * that cannot answer reports NaN rather than failing the scrape.
 */
public class AidosMeterBinder implements MeterBinder {
    private static final int RECENT_JOBS = 1000;
    private final AiDos aidos;

    public AidosMeterBinder(AiDos aidos) {
        this.aidos = aidos;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aidos.datasets", aidos, a -> safely(() -> a.datasets().list().size()))
                .description("Datasets in the AI-DOS store").register(registry);
        Gauge.builder("aidos.models", aidos, a -> safely(() -> a.models().list().size()))
                .description("Registered models in the AI-DOS store").register(registry);
        if (trainingAvailable()) {
            for (JobStatus status : new JobStatus[] {JobStatus.QUEUED, JobStatus.RUNNING}) {
                Gauge.builder("aidos.training.jobs", aidos, a -> safely(() -> count(a, status)))
                        .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                        .description("Training and tuning jobs by status").register(registry);
            }
        }
    }

    private boolean trainingAvailable() {
        try {
            aidos.trainer();
            return true;
        } catch (AiDosException e) {
            return false;
        }
    }

    private static long count(AiDos aidos, JobStatus status) {
        return aidos.trainer().jobs(RECENT_JOBS).stream().map(Job::status).filter(status::equals).count();
    }

    private static double safely(java.util.function.LongSupplier value) {
        try {
            return value.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
