package io.aidos.training.internal.djl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.TrainingData;
import io.aidos.training.internal.model.ModelDescriptor;
import io.aidos.training.internal.model.ModelFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.aidos.training.internal.djl.DjlMlpTest.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DjlFormatTest {
    @TempDir
    Path temp;

    @Test
    void savedModelLoadsBackThroughTheFormatAndPredictsTheSame() throws Exception {
        TrainingData data = TestData.breastCancer(3);
        Algorithm mlp = DjlAlgorithms.mlp();
        double[][] before;
        try (TrainedModel model = mlp.train(data, params(mlp, Map.of("epochs", 3)),
                new RecordingTrainingContext(2, temp))) {
            before = model.predict(data.validX());
            model.save(temp);
            new ModelDescriptor(model.flavor(), data.task(), "mlp", data.features(), data.target(),
                    JsonNodeFactory.instance.objectNode()).write(temp);
        }
        ModelDescriptor descriptor = ModelDescriptor.read(temp);
        TrainedModel loaded = ModelFormats.find("djl").orElseThrow().load(temp, temp.resolve("cache"), descriptor);
        try (loaded) {
            double[][] after = loaded.predict(data.validX());
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).containsExactly(before[i], within(1e-6));
            }
        }
        assertThatThrownBy(() -> loaded.predict(data.validX())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void predictsFromManyThreadsAtOnce() throws Exception {
        TrainingData data = TestData.breastCancer(4);
        Algorithm mlp = DjlAlgorithms.mlp();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TrainedModel model = mlp.train(data, params(mlp, Map.of("epochs", 2)),
                new RecordingTrainingContext(2, temp))) {
            double[][] expected = model.predict(data.validX());
            List<Future<double[][]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> model.predict(data.validX())));
            }
            for (Future<double[][]> f : results) {
                double[][] got = f.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(got[i]).containsExactly(expected[i], within(1e-6));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
