package io.aidos.training;

import io.aidos.api.AlgorithmInfo;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.algorithm.TrainingContext;
import io.aidos.training.internal.data.TrainingData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.aidos.training.internal.algorithm.ParamSpecs.doubleParam;
import static io.aidos.training.internal.algorithm.ParamSpecs.intParam;

/**
 * A test double, not a learner: it logs a fixed learning curve {@code val_accuracy = quality * (1 - e^(-epoch/3))}
 * for {@code epochs} epochs of {@code epoch_millis} each, checking {@link TrainingContext#shouldStop()} before each,
 * and returns a model that always predicts the first label. It lets tests of the tuning scheduler (early stopping,
 * cancellation, retries) control exactly how good and how long each trial is, which real learners cannot.
 */
public final class CurveAlgorithm implements Algorithm {
    public static final String NAME = "test-curve";

    @Override
    public AlgorithmInfo info() {
        return new AlgorithmInfo(NAME, Set.of(Task.CLASSIFICATION), "test", List.of(
                doubleParam("quality", 0.5, 0, 1, "where the curve levels off"),
                intParam("epochs", 20, 1, 10_000, "epochs to run"),
                intParam("epoch_millis", 100, 0, 60_000, "how long an epoch takes")), false,
                "a fixed learning curve for scheduler tests");
    }

    @Override
    public TrainedModel train(TrainingData data, Params params, TrainingContext context) throws Exception {
        double quality = params.getDouble("quality");
        for (int epoch = 1; epoch <= params.getInt("epochs"); epoch++) {
            if (context.shouldStop()) {
                break;
            }
            Thread.sleep(params.getInt("epoch_millis")); // stands in for an epoch's work
            context.logMetric("val_accuracy", quality * (1 - Math.exp(-epoch / 3.0)), epoch);
        }
        int classes = data.classCount();
        return new TrainedModel() {
            @Override
            public String flavor() {
                return "test-constant";
            }

            @Override
            public Map<String, String> libraryVersions() {
                return Map.of();
            }

            @Override
            public double[][] predict(double[][] features) {
                double[][] out = new double[features.length][classes];
                for (double[] row : out) {
                    row[0] = 1;
                }
                return out;
            }

            @Override
            public void save(Path folder) throws java.io.IOException {
                Files.writeString(folder.resolve("constant.txt"), "0");
            }
        };
    }
}
