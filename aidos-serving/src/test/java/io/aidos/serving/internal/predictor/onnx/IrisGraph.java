package io.aidos.serving.internal.predictor.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Row;
import io.aidos.api.Run;
import io.aidos.api.Task;
import io.aidos.api.TrainingResult;
import io.aidos.training.internal.data.FeatureEncoder;
import io.aidos.training.internal.data.TargetEncoder;
import io.aidos.training.internal.model.ModelDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A model trained on iris in a temp {@code local:} store, with the ONNX graph aidos-training exported beside it and
 * how that graph's input is encoded: standardised features (training mean and deviation; one-hot slots for text), in
 * the order {@code onnx-signature.json} lists (Tribuo's feature ids), not the raw measurements. A regression graph's
 * output is likewise the standardised target, which {@link #target()} scales back.
 */
record IrisGraph(TrainingResult trained, byte[] onnx, FeatureEncoder encoder, TargetEncoder target,
                 List<String> graphOrder, List<String> outputs, List<Row> rows) {

    static AiDos open(Path store) {
        return AiDos.open(AiDosConfig.builder().uri("local:" + store).trainingWorkers(1).build());
    }

    /** Imports iris (aidos-api's test-jar) once per store. */
    static void importIris(AiDos aidos, Path temp) throws IOException {
        Path csv = temp.resolve("iris.csv");
        try (InputStream in = IrisGraph.class.getResourceAsStream("/data/iris.csv")) {
            Files.copy(in, csv);
        }
        aidos.datasets().create("iris").fromCsv(csv).commit("iris for the ONNX tests");
    }

    /** Trains {@code algorithm} on iris for {@code target}, registered as {@code name}, and reads its graph. */
    static IrisGraph train(AiDos aidos, String algorithm, String target, Task task, String name, Path temp) {
        TrainingResult r = aidos.trainer().dataset("iris").target(target).task(task).algorithm(algorithm)
                .registerAs(name).submit().await(Duration.ofMinutes(2));
        try {
            Path folder = Files.createDirectories(temp.resolve(name + "-files"));
            for (String file : List.of("model.onnx", "onnx-signature.json", "aidos-model.json")) {
                try (InputStream in = r.run().openArtifact("model/" + file)) {
                    Files.copy(in, folder.resolve(file));
                }
            }
            JsonNode signature = new ObjectMapper().readTree(folder.resolve("onnx-signature.json").toFile());
            List<String> order = new ArrayList<>();
            signature.get("inputs").forEach(n -> order.add(n.asText()));
            List<String> outputs = new ArrayList<>();
            signature.get("outputs").forEach(n -> outputs.add(n.asText()));
            ModelDescriptor descriptor = ModelDescriptor.read(folder);
            return new IrisGraph(r, Files.readAllBytes(folder.resolve("model.onnx")), descriptor.features(),
                    descriptor.target(), order, outputs,
                    aidos.datasets().get("iris").latest().rows().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs the graph's bytes into a new run as the outside file {@code iris.onnx} and registers it as {@code name}. */
    void registerAsOutsideFile(AiDos aidos, String name) {
        try (Run run = aidos.experiments().getOrCreate("outside-onnx").startRun()) {
            run.logArtifact("iris.onnx", onnx);
            aidos.models().register(name, run.id(), "iris.onnx");
        }
    }

    /** {@code row} as the graph takes it: encoded as in training, in the graph's feature order. */
    float[] encode(Row row) {
        double[] slots = encoder.encode(row);
        List<String> names = encoder.featureNames();
        float[] x = new float[graphOrder.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) slots[names.indexOf(graphOrder.get(i))];
        }
        return x;
    }
}
