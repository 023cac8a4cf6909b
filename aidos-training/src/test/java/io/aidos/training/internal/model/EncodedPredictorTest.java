package io.aidos.training.internal.model;

import io.aidos.api.AiDos;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Task;
import io.aidos.training.TrainingFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which keys a trained model's predictor takes: its features and its target, and nothing else. */
class EncodedPredictorTest {
    private static final Map<String, Object> ROW = Map.of("Sepal.Length", 6.7, "Sepal.Width", 3.0, "Petal.Length",
            5.2, "Petal.Width", 2.3);

    @TempDir
    static Path temp;
    static AiDos aidos;
    static Predictor predictor;

    @BeforeAll
    static void train() {
        aidos = TrainingFixture.open(temp.resolve("store"), 1);
        TrainingFixture.importBundled(aidos, "iris", temp);
        aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION).algorithm("logistic-regression")
                .seed(1L).registerAs("iris").submit().await(Duration.ofMinutes(2));
        predictor = aidos.models().load("iris", "1");
    }

    @AfterAll
    static void close() {
        predictor.close();
        aidos.close();
    }

    @Test
    void theTargetIsTakenAndIgnored() {
        Map<String, Object> withTarget = new HashMap<>(ROW);
        withTarget.put("Species", "setosa");
        assertThat(predictor.predict(withTarget).scores()).isEqualTo(predictor.predict(ROW).scores());
        assertThat(predictor.predict(ROW).label()).isEqualTo("virginica");
    }

    @Test
    void aMisspelledFeatureIsNamedEvenWhenTheRowHasTheRightSize() {
        Map<String, Object> typo = new HashMap<>(ROW);
        typo.put("petal.width", typo.remove("Petal.Width"));
        assertThatThrownBy(() -> predictor.predict(typo)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not an input of model iris").hasMessageContaining("'petal.width'")
                .hasMessageContaining("Petal.Width");
    }

    @Test
    void anExtraKeyIsRefusedWhateverItsValue() {
        Map<String, Object> extra = new HashMap<>(ROW);
        extra.put("colour", "blue");
        assertThatThrownBy(() -> predictor.predict(extra)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'colour'");
        Map<String, Object> nullExtra = new HashMap<>(ROW);
        nullExtra.put("colour", null);
        nullExtra.put("Petal.Width", null);
        assertThatThrownBy(() -> predictor.predict(nullExtra)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'colour'");
    }

    @Test
    void nullAndMissingFeaturesAreMissingValuesNotErrors() {
        Map<String, Object> nulls = new HashMap<>(ROW);
        nulls.put("Petal.Width", null);
        nulls.put("Species", null);
        Map<String, Object> fewer = new HashMap<>(ROW);
        fewer.remove("Petal.Width");
        Prediction p = predictor.predict(nulls);
        assertThat(predictor.predict(fewer).scores()).isEqualTo(p.scores());
        List<Prediction> both = predictor.predictAll(List.of(ROW, nulls));
        assertThat(both.get(1).scores()).isEqualTo(p.scores());
        assertThat(both.get(0).scores()).isEqualTo(predictor.predict(ROW).scores());
    }
}
