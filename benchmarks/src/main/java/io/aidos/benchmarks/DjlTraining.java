package io.aidos.benchmarks;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.aidos.api.ColumnType;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.algorithm.TrainingContext;
import io.aidos.training.internal.data.FeatureEncoder;
import io.aidos.training.internal.data.TargetEncoder;
import io.aidos.training.internal.data.TrainingData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Training samples/s of the AI-DOS {@code mlp} algorithm (through {@code Algorithm.train}, with its per-epoch
 * validation metrics and state snapshots) next to a plain DJL loop (Trainer + EasyTrain + ArrayDataset, SGD with
 * the same momentum) on the same net (2 x 64 ReLU), synthetic table (20,000 rows x 32 features, 2 classes, 10% held
 * out and evaluated each epoch by both), batch size and epochs. Best of 3 after a warm-up run of each.
 */
final class DjlTraining {
    private static final int ROWS = 20_000;
    private static final int FEATURES = 32;
    private static final int EPOCHS = 3;
    private static final int BATCH = 64;
    private static final int HIDDEN = 64;
    private static final float LEARNING_RATE = 0.01f;
    private static final float MOMENTUM = 0.9f;

    private final Path work;

    DjlTraining(Path work) {
        this.work = work;
    }

    List<String[]> run() throws Exception {
        TrainingData data = table();
        Algorithm mlp = AlgorithmCatalog.standard().get("mlp", Task.CLASSIFICATION);
        Params params = Params.validate("mlp", mlp.info().params(), Map.of("epochs", EPOCHS, "batch_size", BATCH,
                "hidden_units", HIDDEN, "hidden_layers", 2, "learning_rate", LEARNING_RATE, "momentum", MOMENTUM,
                "checkpoint_every", 100_000));
        double aidos = 0;
        double plain = 0;
        for (int round = 0; round < 4; round++) { // round 0 warms up (and starts the engine in the AI-DOS cache)
            long start = System.nanoTime();
            try (TrainedModel model = mlp.train(data, params, new QuietContext(work))) {
                double rate = samplesPerSecond(data, start);
                aidos = round == 0 ? 0 : Math.max(aidos, rate);
            }
            start = System.nanoTime();
            plainLoop(data);
            double rate = samplesPerSecond(data, start);
            plain = round == 0 ? 0 : Math.max(plain, rate);
        }
        String notes = String.format("%,d x %d rows, 2x%d ReLU MLP, batch %d, %d epochs, SGD momentum %.1f",
                ROWS - ROWS / 10, FEATURES, HIDDEN, BATCH, EPOCHS, MOMENTUM);
        return List.<String[]>of(new String[] {"DJL mlp training (samples/s)", Table.perSecond(aidos),
                Table.perSecond(plain), Table.ratio(aidos, plain), notes});
    }

    private static double samplesPerSecond(TrainingData data, long start) {
        return (double) data.trainX().length * EPOCHS / ((System.nanoTime() - start) / 1e9);
    }

    /** The same work by hand: DJL's own training API on the same net, data, batch size and epochs. */
    private static void plainLoop(TrainingData data) throws Exception {
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2).build());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(LEARNING_RATE))
                        .optMomentum(MOMENTUM).build())
                .addEvaluator(new Accuracy());
        try (Model model = Model.newInstance("plain-mlp", "PyTorch")) {
            model.setBlock(net);
            NDManager m = model.getNDManager();
            ArrayDataset train = dataset(m, data.trainX(), data.trainY(), true);
            ArrayDataset valid = dataset(m, data.validX(), data.validY(), false);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, FEATURES));
                for (int epoch = 0; epoch < EPOCHS; epoch++) {
                    for (Batch batch : trainer.iterateDataset(train)) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                        batch.close();
                    }
                    EasyTrain.evaluateDataset(trainer, valid);
                    trainer.notifyListeners(listener -> listener.onEpoch(trainer));
                }
            }
        }
    }

    private static ArrayDataset dataset(NDManager m, double[][] x, double[] y, boolean shuffle) {
        float[] flat = new float[x.length * FEATURES];
        float[] labels = new float[y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < FEATURES; j++) {
                flat[i * FEATURES + j] = (float) x[i][j];
            }
            labels[i] = (float) y[i];
        }
        NDArray features = m.create(flat, new Shape(x.length, FEATURES));
        return new ArrayDataset.Builder().setData(features).optLabels(m.create(labels))
                .setSampling(BATCH, shuffle).build();
    }

    /** Two classes split by a fixed random hyperplane plus a product term; features already standardised. */
    private static TrainingData table() {
        Random r = new Random(17);
        double[] w = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            w[j] = r.nextGaussian();
        }
        double[][] x = new double[ROWS][FEATURES];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double s = 0;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = r.nextGaussian();
                s += w[j] * x[i][j];
            }
            y[i] = s + x[i][0] * x[i][1] > 0 ? 1 : 0;
        }
        List<FeatureEncoder.Feature> features = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            features.add(new FeatureEncoder.Feature("x" + j, ColumnType.DOUBLE, 0, 1, List.of()));
        }
        TargetEncoder target = TargetEncoder.classification("y", List.of("0", "1"));
        int cut = ROWS - ROWS / 10;
        return new TrainingData(Task.CLASSIFICATION, new FeatureEncoder(features), target,
                java.util.Arrays.copyOfRange(x, 0, cut), java.util.Arrays.copyOfRange(y, 0, cut),
                java.util.Arrays.copyOfRange(x, cut, ROWS), java.util.Arrays.copyOfRange(y, cut, ROWS), true);
    }

    /** The least a job gives an algorithm: no log, no stop, checkpoints dropped, natives cached under target/. */
    private record QuietContext(Path work) implements TrainingContext {
        @Override
        public long seed() {
            return 1;
        }

        @Override
        public void log(String line) {
        }

        @Override
        public void logMetrics(Map<String, Double> values, long step) {
        }

        @Override
        public boolean shouldStop() {
            return false;
        }

        @Override
        public Path scratch() {
            return work;
        }

        @Override
        public Path cacheFolder() {
            return Path.of("target", "djl-cache").toAbsolutePath();
        }

        @Override
        public void saveCheckpoint(int epoch, Path folder) {
        }

        @Override
        public Optional<Checkpoint> latestCheckpoint() {
            return Optional.empty();
        }
    }
}
