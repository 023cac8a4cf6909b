package io.aidos.training.internal.djl;

import ai.djl.engine.Engine;
import io.aidos.api.AlgorithmInfo;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.algorithm.TrainingContext;
import io.aidos.training.internal.data.TrainingData;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;

/**
 * The epoch loop shared by the DJL algorithms. Each epoch visits the training rows in an order drawn from
 * (seed, epoch) alone, so a run resumed from a checkpoint sees the same batches as an uninterrupted one. Every
 * {@code checkpoint_every} epochs, and when the job must stop, the state after the last finished epoch is stored
 * as a checkpoint; a stop then ends training with {@link CancellationException}.
 */
final class DjlAlgorithm implements Algorithm {
    private final AlgorithmInfo info;
    private final BiFunction<TrainingData, Params, NetShape> shapeOf;

    DjlAlgorithm(AlgorithmInfo info, BiFunction<TrainingData, Params, NetShape> shapeOf) {
        this.info = info;
        this.shapeOf = shapeOf;
    }

    @Override
    public AlgorithmInfo info() {
        return info;
    }

    @Override
    public TrainedModel train(TrainingData data, Params params, TrainingContext context) throws IOException {
        NetShape shape = shapeOf.apply(data, params);
        boolean classification = data.task() == Task.CLASSIFICATION;
        Engine engine = DjlEngine.start(context.cacheFolder(), context::log);
        FloatRows train = FloatRows.of(data.trainX(), data.trainY(), shape.inputs());
        FloatRows valid = classification ? FloatRows.knownLabels(data.validX(), data.validY(), shape.inputs())
                : FloatRows.of(data.validX(), data.validY(), shape.inputs());
        context.log("training " + info.name() + " with DJL " + DjlEngine.djlVersion() + " on " + train.rows
                + " rows x " + shape.inputs() + " features: " + shape);
        try (NetTrainer net = new NetTrainer(engine, shape, classification, params.getDouble("learning_rate"),
                params.getDouble("momentum"), context.seed())) {
            int first = resume(net, shape, context);
            new EpochLoop(net, shape, train, valid, classification, params, context).run(first);
            return net.toModel(data.task());
        }
    }

    /** Loads the latest checkpoint, if any; returns the first epoch still to train. */
    private static int resume(NetTrainer net, NetShape shape, TrainingContext context) throws IOException {
        Optional<TrainingContext.Checkpoint> checkpoint = context.latestCheckpoint();
        if (checkpoint.isEmpty()) {
            return 1;
        }
        net.restore(TrainingState.read(checkpoint.get().folder(), shape));
        context.log(String.format(Locale.ROOT, "resuming after epoch %d from its checkpoint",
                checkpoint.get().epoch()));
        return checkpoint.get().epoch() + 1;
    }

    /** Epochs {@code first..epochs} of one run, with metrics, log lines, checkpoints and the stop check. */
    private static final class EpochLoop {
        private final NetTrainer net;
        private final NetShape shape;
        private final FloatRows train;
        private final FloatRows valid;
        private final boolean classification;
        private final TrainingContext context;
        private final int epochs;
        private final int batchSize;
        private final int checkpointEvery;
        private TrainingState lastState;
        private int lastEpoch;
        private int savedEpoch;

        EpochLoop(NetTrainer net, NetShape shape, FloatRows train, FloatRows valid, boolean classification,
                  Params params, TrainingContext context) {
            this.net = net;
            this.shape = shape;
            this.train = train;
            this.valid = valid;
            this.classification = classification;
            this.context = context;
            this.epochs = params.getInt("epochs");
            this.batchSize = params.getInt("batch_size");
            this.checkpointEvery = params.getInt("checkpoint_every");
        }

        void run(int first) throws IOException {
            lastEpoch = first - 1;
            savedEpoch = lastEpoch; // resumed from it, or nothing to save
            float[] x = new float[batchSize * train.width];
            float[] y = new float[batchSize];
            for (int epoch = first; epoch <= epochs; epoch++) {
                int[] order = BatchOrder.shuffled(train.rows, context.seed(), epoch);
                long start = System.nanoTime();
                double lossSum = 0;
                for (int from = 0; from < train.rows; from += batchSize) {
                    if (context.shouldStop()) {
                        stop();
                    }
                    int to = Math.min(train.rows, from + batchSize);
                    train.gather(order, from, to, x, y);
                    lossSum += (double) net.step(x, y, to - from) * (to - from);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                report(epoch, lossSum / Math.max(1, train.rows), train.rows / Math.max(seconds, 1e-9));
                lastEpoch = epoch;
                lastState = net.snapshot();
                if (epoch % checkpointEvery == 0) {
                    save();
                }
                if (context.shouldStop()) {
                    stop();
                }
            }
        }

        private void report(int epoch, double trainLoss, double samplesPerSecond) {
            NetTrainer.Evaluation v = net.evaluate(valid);
            String quality = classification ? "val_accuracy" : "val_rmse";
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train_loss", trainLoss);
            metrics.put("val_loss", v.loss());
            metrics.put(quality, v.quality());
            context.logMetrics(metrics, epoch); // one write per epoch, durable before its checkpoint
            context.log(String.format(Locale.ROOT, "epoch %d/%d train_loss=%.4f val_loss=%.4f %s=%.4f (%,d samples/s)",
                    epoch, epochs, trainLoss, v.loss(), quality, v.quality(), Math.round(samplesPerSecond)));
        }

        private void save() throws IOException {
            if (lastState == null || savedEpoch == lastEpoch) {
                return;
            }
            var folder = context.scratch().resolve("checkpoint-" + lastEpoch);
            lastState.write(folder, shape);
            context.saveCheckpoint(lastEpoch, folder);
            savedEpoch = lastEpoch;
            context.log("checkpoint after epoch " + lastEpoch);
        }

        private void stop() throws IOException {
            save();
            throw new CancellationException("training stopped on request after epoch " + lastEpoch
                    + (lastEpoch > 0 ? " (checkpoint stored)" : " (no epoch finished, no checkpoint)"));
        }
    }
}
