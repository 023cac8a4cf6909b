package io.aidos.spring;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration in real application contexts (no mocks): bean, properties, health, gauges, back-off. */
class AidosAutoConfigurationTest {
    @TempDir
    Path temp;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AidosAutoConfiguration.class, AidosHealthConfiguration.class,
                        AidosMetricsConfiguration.class))
                .withPropertyValues("aidos.uri=local:" + temp.resolve("store"));
    }

    @Test
    void opensTheConfiguredStoreAndClosesItWithTheContext() {
        AiDos[] seen = new AiDos[1];
        runner().run(context -> {
            AiDos aidos = context.getBean(AiDos.class);
            seen[0] = aidos;
            assertThat(aidos.uri()).isEqualTo("local:" + temp.resolve("store"));
            aidos.datasets().create("numbers").fromRows(List.of(Map.of("x", 1L))).commit("from spring");
        });
        // closed with the context: the store's file lock is gone, so another open succeeds and sees the data
        try (AiDos again = AiDos.open("local:" + temp.resolve("store"))) {
            assertThat(again.datasets().exists("numbers")).isTrue();
        }
        assertThat(seen[0]).isNotNull();
    }

    @Test
    void bindsEveryPropertyIntoTheConfig() {
        runner().withPropertyValues("aidos.api-key=secret-key", "aidos.connect-timeout=3s", "aidos.request-timeout=2m",
                "aidos.pool-size=4", "aidos.metric-batch-size=500", "aidos.metric-flush-interval=50ms",
                "aidos.training-workers=0").run(context -> {
            AidosProperties p = context.getBean(AidosProperties.class);
            AiDosConfig config = AidosAutoConfiguration.config(p);
            assertThat(config.apiKey()).contains("secret-key");
            assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(config.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(config.poolSize()).isEqualTo(4);
            assertThat(config.metricBatchSize()).isEqualTo(500);
            assertThat(config.metricFlushInterval()).isEqualTo(Duration.ofMillis(50));
            assertThat(config.trainingWorkers()).isZero();
            assertThat(p.toString()).doesNotContain("secret-key");
        });
    }

    @Test
    void backendPropertiesPassThroughAndServeDeploymentsWhereTheySay() {
        runner().withPropertyValues("aidos.properties.serving.host=127.0.0.1",
                "aidos.properties[serving.httpThreads]=4", "aidos.properties.serving.tls.password=hidden")
                .run(context -> {
                    AidosProperties p = context.getBean(AidosProperties.class);
                    assertThat(AidosAutoConfiguration.config(p).properties()).containsEntry("serving.host", "127.0.0.1")
                            .containsEntry("serving.httpThreads", "4")
                            .containsEntry("serving.tls.password", "hidden");
                    assertThat(p.toString()).contains("serving.host").doesNotContain("hidden");
                });
    }

    @Test
    void aBadPropertyFailsStartupNamingIt() {
        runner().withPropertyValues("aidos.pool-size=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("poolSize must be between 1 and 1000");
        });
        runner().withPropertyValues("aidos.uri=mongodb://nowhere").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("unknown scheme"));
    }

    @Test
    void anApplicationsOwnBeanWins() {
        runner().withBean(AiDos.class, () -> AiDos.open("local:" + temp.resolve("mine"))).run(context ->
                assertThat(context.getBean(AiDos.class).uri()).endsWith("mine"));
    }

    @Test
    void healthIsUpWithTheUriAndDownWhenTheStoreIsGone() {
        runner().run(context -> {
            AidosHealthIndicator indicator = context.getBean(AidosHealthIndicator.class);
            Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("uri", "local:" + temp.resolve("store"))
                    .containsKey("roundTripMillis");
            context.getBean(AiDos.class).close();
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void gaugesCountWhatIsInTheStore() {
        runner().withPropertyValues("aidos.training-workers=0").run(context -> {
            AiDos aidos = context.getBean(AiDos.class);
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(AidosMeterBinder.class).bindTo(registry);
            aidos.datasets().create("a").fromRows(List.of(Map.of("x", 1L, "y", "p"), Map.of("x", 2L, "y", "q")))
                    .commit("one");
            aidos.trainer().dataset("a").target("y").task(Task.CLASSIFICATION).algorithm("cart").submit();
            assertThat(registry.get("aidos.datasets").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("aidos.models").gauge().value()).isEqualTo(0.0);
            assertThat(registry.get("aidos.training.jobs").tag("status", "queued").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("aidos.training.jobs").tag("status", "running").gauge().value()).isEqualTo(0.0);
        });
    }

    @Test
    void withoutActuatorOrMicrometerOnlyTheBeanIsDefined() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.health", "io.micrometer"))
                .run(context -> {
                    assertThat(context).hasSingleBean(AiDos.class);
                    assertThat(context).doesNotHaveBean(AidosHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(AidosMeterBinder.class);
                });
    }

    @Test
    void configurationMetadataDescribesTheProperties() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated by spring-boot-configuration-processor").isNotNull();
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("\"name\": \"aidos.uri\"", "\"name\": \"aidos.api-key\"",
                    "\"name\": \"aidos.training-workers\"", "\"defaultValue\": \"local:.\\/aidos-data\"");
        }
    }
}
