package io.aidos.examples.spring;

import io.aidos.api.AiDos;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.api.TrainingResult;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Spring Boot application with the auto-configured {@link AiDos} bean ({@code aidos.uri} in
 * {@code application.properties}): imports iris once, trains a model as a job, and predicts with it.
 */
@SpringBootApplication
public class IrisApplication {

    public static void main(String[] args) {
        SpringApplication.run(IrisApplication.class, args);
    }

    @Bean
    CommandLineRunner trainAndPredict(AiDos aidos) {
        return args -> {
            if (!aidos.datasets().exists("iris")) {
                aidos.datasets().create("iris").fromCsv(irisCsv()).commit("from the Spring Boot example");
            }
            TrainingResult result = aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("random-forest").param("num_trees", 20).experiment("spring-boot-example")
                    .registerAs("iris-spring").submit().await(Duration.ofMinutes(5));
            try (Predictor predictor = aidos.models().load(result.modelVersion())) {
                Prediction p = predictor.predict(Map.of("Sepal.Length", 6.3, "Sepal.Width", 2.5,
                        "Petal.Length", 4.9, "Petal.Width", 1.5));
                System.out.printf("iris-spring v%d (accuracy %.3f) says: %s%n", result.modelVersion().version(),
                        result.metrics().get("accuracy"), p.label());
            }
        };
    }

    private static Path irisCsv() throws IOException {
        Path csv = Files.createTempFile("iris", ".csv");
        csv.toFile().deleteOnExit();
        try (InputStream in = IrisApplication.class.getResourceAsStream("/iris.csv")) {
            Files.copy(in, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return csv;
    }
}
