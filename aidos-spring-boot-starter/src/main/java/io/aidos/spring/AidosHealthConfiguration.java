package io.aidos.spring;

import io.aidos.api.AiDos;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code aidos} health indicator, when Spring Boot's health support is on the class path. */
@AutoConfiguration(after = AidosAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AiDos.class)
public class AidosHealthConfiguration {

    @Bean(name = "aidosHealthIndicator")
    @ConditionalOnMissingBean(name = "aidosHealthIndicator")
    public AidosHealthIndicator aidosHealthIndicator(AiDos aidos) {
        return new AidosHealthIndicator(aidos);
    }
}
