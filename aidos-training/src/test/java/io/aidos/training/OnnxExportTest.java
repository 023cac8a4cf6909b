package io.aidos.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Row;
import io.aidos.api.Task;
import io.aidos.api.TrainingResult;
import io.aidos.training.internal.data.FeatureEncoder;
import io.aidos.training.internal.model.ModelDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ONNX graph stored with a model computes, in ONNX Runtime, the probabilities its Tribuo model computes. */
class OnnxExportTest {
    @TempDir
    Path temp;

    @Test
    void logisticRegressionOnnxMatchesTribuo() throws Exception {
        try (AiDos aidos = TrainingFixture.open(temp.resolve("store"), 1)) {
            TrainingFixture.importBundled(aidos, "iris", temp);
            TrainingResult r = aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("logistic-regression").registerAs("iris").submit().await(Duration.ofMinutes(2));
            Path folder = temp.resolve("model");
            Files.createDirectories(folder);
            for (String file : List.of("model.onnx", "onnx-signature.json", "aidos-model.json")) {
                try (InputStream in = r.run().openArtifact("model/" + file)) {
                    Files.copy(in, folder.resolve(file));
                }
            }
            FeatureEncoder encoder = ModelDescriptor.read(folder).features();
            List<String> slots = encoder.featureNames();
            var signature = new ObjectMapper().readTree(folder.resolve("onnx-signature.json").toFile());
            List<String> onnxOrder = new java.util.ArrayList<>();
            signature.get("inputs").forEach(n -> onnxOrder.add(n.asText()));
            List<String> labels = new java.util.ArrayList<>();
            signature.get("outputs").forEach(n -> labels.add(n.asText()));
            assertThat(labels).containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
            assertThat(onnxOrder).containsExactlyInAnyOrderElementsOf(slots);

            List<Row> rows = aidos.datasets().get("iris").latest().rows().toList();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (Predictor predictor = aidos.models().load("iris", "1");
                 OrtSession session = env.createSession(folder.resolve("model.onnx").toString())) {
                for (Row row : rows.subList(0, 150)) {
                    Map<String, Object> features = ClassicTrainingTest.asMap(row);
                    double[] encoded = encoder.encode(row);
                    float[][] input = new float[1][onnxOrder.size()];
                    for (int i = 0; i < onnxOrder.size(); i++) {
                        input[0][i] = (float) encoded[slots.indexOf(onnxOrder.get(i))];
                    }
                    float[] onnx;
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input);
                         OrtSession.Result out = session.run(Map.of(session.getInputNames().iterator().next(),
                                 tensor))) {
                        onnx = ((float[][]) out.get(0).getValue())[0];
                    }
                    Prediction p = predictor.predict(features);
                    for (int k = 0; k < 3; k++) {
                        assertThat((double) onnx[k]).isCloseTo(p.scores().get(labels.get(k)), within(1e-4));
                    }
                }
            }
        }
    }
}
