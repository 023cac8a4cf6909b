package io.aidos.training.internal.djl;

import io.aidos.api.InvalidInputException;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.aidos.training.internal.djl.DjlMlpTest.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DjlCnnTest {
    @TempDir
    Path temp;

    @Test
    void learnsFashionMnistWellAboveChanceInTwoEpochs() throws Exception {
        assumeTrue(Files.isDirectory(TestData.FASHION), "Fashion-MNIST is not installed at " + TestData.FASHION
                + "; skipping the CNN training test");
        TrainingData data = TestData.fashionMnist(2000, 500);
        Algorithm cnn = DjlAlgorithms.cnn();
        RecordingTrainingContext context = new RecordingTrainingContext(5, temp);

        try (TrainedModel model = cnn.train(data, params(cnn, Map.of("epochs", 2, "batch_size", 32)), context)) {
            List<Double> loss = context.metric("train_loss");
            assertThat(loss).hasSize(2);
            assertThat(loss.get(1)).isLessThan(loss.get(0));
            double accuracy = DjlMlpTest.accuracy(model.predict(data.validX()), data.validY());
            assertThat(accuracy).as("accuracy on 500 test images (chance: 0.1)").isGreaterThan(0.5);
            assertThat(context.lines).anyMatch(l -> l.contains("cnn") && l.contains("width=28, height=28"));
        }
    }

    @Test
    void imageSizeMustMatchTheFeatureCount() {
        TrainingData data = TestData.synthetic(20, 1); // 6 features: not an image
        Algorithm cnn = DjlAlgorithms.cnn();
        assertThatThrownBy(() -> DjlAlgorithms.cnnShape(data, params(cnn, Map.of("image_width", 12))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must equal the 6 feature columns");
        assertThatThrownBy(() -> DjlAlgorithms.cnnShape(data, params(cnn, Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be at least 12 pixels each way but was '2x3'");
        assertThatThrownBy(() -> params(cnn, Map.of("image_width", 4)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 12 and 65536");
    }
}
