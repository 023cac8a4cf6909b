package io.aidos.spring;

import io.aidos.api.AiDos;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Micrometer gauges of the AI-DOS store, when Micrometer is on the class path. */
@AutoConfiguration(after = AidosAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(AiDos.class)
public class AidosMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public AidosMeterBinder aidosMeterBinder(AiDos aidos) {
        return new AidosMeterBinder(aidos);
    }
}
