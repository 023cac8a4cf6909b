package io.aidos.spring;

import io.aidos.api.AiDos;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the store answers a query (one indexed lookup), with the backend's URI (credentials removed) and the time
 * the round trip took; DOWN with the error otherwise.
 */
public class AidosHealthIndicator extends AbstractHealthIndicator {
    private static final String PROBE = "aidos-health-probe";
    private final AiDos aidos;

    public AidosHealthIndicator(AiDos aidos) {
        super("AI-DOS store check failed");
        this.aidos = aidos;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long started = System.nanoTime();
        aidos.datasets().exists(PROBE);
        builder.up().withDetail("uri", aidos.uri())
                .withDetail("roundTripMillis", (System.nanoTime() - started) / 1_000_000);
    }
}
