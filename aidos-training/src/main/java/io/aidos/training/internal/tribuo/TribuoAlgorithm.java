package io.aidos.training.internal.tribuo;

import io.aidos.api.AlgorithmInfo;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.algorithm.TrainingContext;
import io.aidos.training.internal.data.TrainingData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;

/** A Tribuo trainer behind {@link Algorithm}: builds the Tribuo dataset, trains, wraps the model. */
final class TribuoAlgorithm implements Algorithm {
    /** Tribuo logs every training at INFO through java.util.logging; the job log carries the progress instead. */
    private static final java.util.logging.Logger TRIBUO_LOG = quiet();

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.tribuo");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** Builds the Tribuo trainer for a task from validated params, the seed and the feature count. */
    @FunctionalInterface
    interface TrainerFactory {
        Trainer<?> create(Task task, Params params, long seed, int featureCount);
    }

    private final AlgorithmInfo info;
    private final TrainerFactory factory;

    TribuoAlgorithm(AlgorithmInfo info, TrainerFactory factory) {
        this.info = info;
        this.factory = factory;
    }

    @Override
    public AlgorithmInfo info() {
        return info;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TrainedModel train(TrainingData data, Params params, TrainingContext context) {
        Trainer trainer = factory.create(data.task(), params, context.seed(), data.features().width());
        var names = data.features().featureNames();
        MutableDataset<?> dataset = TribuoData.dataset(data.task(), data.target(), names.toArray(String[]::new),
                data.trainX(), data.trainY(), "aidos:" + info.name());
        context.log("training " + info.name() + " with Tribuo " + TribuoModel.TRIBUO_VERSION + " on "
                + dataset.size() + " rows x " + names.size() + " features");
        Model<?> model = trainer.train(dataset);
        return new TribuoModel(model, data.task(), data.target(), names);
    }
}
