package io.aidos.client;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.ArtifactInfo;
import io.aidos.api.ModelVersion;
import io.aidos.api.Run;
import io.aidos.api.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of an iris model trained once in a scratch store, to register in stores without a training worker
 * (the files are all a model version needs; a real run's provenance is not what such tests look at).
 */
final class IrisModelFiles {

    private IrisModelFiles() {
    }

    /** Trains a logistic regression on iris in a new store at {@code folder}; returns its model files by path. */
    static Map<String, byte[]> train(Path folder) {
        try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri("local:" + folder).trainingWorkers(1).build())) {
            Path csv = folder.resolveSibling(folder.getFileName() + "-iris.csv");
            try (InputStream in = IrisModelFiles.class.getResourceAsStream("/data/iris.csv")) {
                Files.copy(in, csv);
            }
            aidos.datasets().create("iris").fromCsv(csv).commit("iris");
            Run run = aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("logistic-regression").submit().await(Duration.ofMinutes(2)).run();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (ArtifactInfo a : run.artifacts()) {
                if (a.path().startsWith("model/")) {
                    try (InputStream in = run.openArtifact(a.path())) {
                        files.put(a.path(), in.readAllBytes());
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs {@code files} in a new run of {@code experiment} and registers them as the next version of {@code model}. */
    static ModelVersion register(AiDos aidos, Map<String, byte[]> files, String experiment, String model) {
        Run run = aidos.experiments().getOrCreate(experiment).startRun("copied iris model");
        files.forEach(run::logArtifact);
        run.close();
        return aidos.models().register(model, run.id(), "model");
    }
}
