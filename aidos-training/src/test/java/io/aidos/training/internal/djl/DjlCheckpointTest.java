package io.aidos.training.internal.djl;

import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.algorithm.TrainingContext.Checkpoint;
import io.aidos.training.internal.data.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static io.aidos.training.internal.djl.DjlMlpTest.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DjlCheckpointTest {
    private static final int BATCH = 32;

    @TempDir
    Path temp;

    private final TrainingData data = TestData.breastCancer(11);
    private final Algorithm mlp = DjlAlgorithms.mlp();
    private final Params params = params(mlp, Map.of("epochs", 6, "checkpoint_every", 3, "batch_size", BATCH,
            "hidden_units", 16));
    /** shouldStop is asked before every batch and after every epoch. */
    private final int asksPerEpoch = (data.trainX().length + BATCH - 1) / BATCH + 1;

    @Test
    void resumingInAFreshModelFromACheckpointEndsWhereAnUninterruptedRunEnds() throws Exception {
        double[][] uninterrupted;
        try (TrainedModel model = mlp.train(data, params, new RecordingTrainingContext(9, temp.resolve("a")))) {
            uninterrupted = model.predict(data.validX());
        }
        RecordingTrainingContext stopped = new RecordingTrainingContext(9, temp.resolve("b"))
                .stopWhen(asked -> asked == 4 * asksPerEpoch + 5); // in the middle of epoch 5
        assertThatThrownBy(() -> mlp.train(data, params, stopped)).isInstanceOf(CancellationException.class);
        Checkpoint checkpoint = stopped.stored().orElseThrow();
        assertThat(checkpoint.epoch()).isEqualTo(4);

        RecordingTrainingContext resumed = new RecordingTrainingContext(9, temp.resolve("c"))
                .withCheckpoint(checkpoint);
        try (TrainedModel model = mlp.train(data, params, resumed)) {
            double[][] predictions = model.predict(data.validX());
            for (int i = 0; i < predictions.length; i++) {
                assertThat(predictions[i]).containsExactly(uninterrupted[i], within(1e-6));
            }
        }
        assertThat(resumed.lines).contains("resuming after epoch 4 from its checkpoint");
        assertThat(resumed.metrics).allMatch(m -> m.step() >= 5);
        assertThat(resumed.checkpointEpochs).containsExactly(6);
    }

    @Test
    void eachEpochLogsItsMetricsInOneCallBeforeItsCheckpoint() throws Exception {
        RecordingTrainingContext context = new RecordingTrainingContext(9, temp);
        mlp.train(data, params, context).close();

        String metrics = " [train_loss, val_loss, val_accuracy]";
        assertThat(context.events).containsExactly("metrics 1" + metrics, "metrics 2" + metrics,
                "metrics 3" + metrics, "checkpoint 3", "metrics 4" + metrics, "metrics 5" + metrics,
                "metrics 6" + metrics, "checkpoint 6");
    }

    @Test
    void shouldStopStoresACheckpointOfTheLastFinishedEpochAndCancels() {
        RecordingTrainingContext context = new RecordingTrainingContext(9, temp)
                .stopWhen(asked -> asked == asksPerEpoch + 3); // in the middle of epoch 2

        assertThatThrownBy(() -> mlp.train(data, params, context))
                .isInstanceOf(CancellationException.class).hasMessageContaining("after epoch 1");

        assertThat(context.checkpointEpochs).containsExactly(1);
        Path folder = context.stored().orElseThrow().folder();
        assertThat(folder.resolve(NetShape.FILE)).exists();
        assertThat(folder.resolve(TrainingState.PARAMETERS)).exists();
        assertThat(folder.resolve(TrainingState.MOMENTUM)).exists();
    }

    @Test
    void aStopBeforeTheFirstEpochEndsStoresNothing() throws Exception {
        RecordingTrainingContext context = new RecordingTrainingContext(9, temp).stopWhen(asked -> true);

        assertThatThrownBy(() -> mlp.train(data, params, context))
                .isInstanceOf(CancellationException.class).hasMessageContaining("no checkpoint");
        assertThat(context.checkpointEpochs).isEmpty();
        assertThat(Files.exists(temp.resolve("checkpoints"))).isFalse();
    }
}
