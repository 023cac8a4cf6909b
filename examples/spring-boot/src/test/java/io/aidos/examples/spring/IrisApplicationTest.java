package io.aidos.examples.spring;

import io.aidos.api.AiDos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example application starts, trains and registers through the auto-configured bean. */
class IrisApplicationTest {
    @TempDir
    Path temp;

    @Test
    void trainsAndRegistersOnStartup() {
        String uri = "local:" + temp.resolve("store");
        try (ConfigurableApplicationContext context = SpringApplication.run(IrisApplication.class,
                "--aidos.uri=" + uri)) {
            AiDos aidos = context.getBean(AiDos.class);
            assertThat(aidos.uri()).isEqualTo(uri);
            assertThat(aidos.models().get("iris-spring").versions()).hasSize(1);
            assertThat(aidos.experiments().get("spring-boot-example").runs()).hasSize(1);
        }
    }
}
