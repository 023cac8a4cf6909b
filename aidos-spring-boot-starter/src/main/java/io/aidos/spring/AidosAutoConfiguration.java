package io.aidos.spring;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * An {@link AiDos} bean opened from {@link AidosProperties} (backed off when the application defines its own),
 * closed with the context so buffered metrics are flushed and the store is released. Every property is validated by
 * {@link AiDosConfig}: a bad value fails startup with an {@code InvalidInputException} naming it.
 */
@AutoConfiguration
@EnableConfigurationProperties(AidosProperties.class)
public class AidosAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public AiDos aidos(AidosProperties properties) {
        return AiDos.open(config(properties));
    }

    static AiDosConfig config(AidosProperties p) {
        AiDosConfig.Builder b = AiDosConfig.builder().uri(p.getUri()).apiKey(p.getApiKey())
                .connectTimeout(p.getConnectTimeout()).requestTimeout(p.getRequestTimeout()).poolSize(p.getPoolSize())
                .metricBatchSize(p.getMetricBatchSize()).metricFlushInterval(p.getMetricFlushInterval())
                .trainingWorkers(p.getTrainingWorkers());
        if (p.getArtifactRoot() != null) {
            b.artifactRoot(p.getArtifactRoot());
        }
        p.getProperties().forEach(b::property);
        return b.build();
    }
}
