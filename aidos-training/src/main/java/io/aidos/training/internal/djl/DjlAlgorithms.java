package io.aidos.training.internal.djl;

import io.aidos.api.AlgorithmInfo;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ParamInfo;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.data.TrainingData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.aidos.training.internal.algorithm.ParamSpecs.doubleParam;
import static io.aidos.training.internal.algorithm.ParamSpecs.intParam;
import static io.aidos.training.internal.algorithm.ParamSpecs.optionalInt;

/** The DJL algorithms ({@code mlp}, {@code cnn}), their parameters with ranges, and the network each builds. */
public final class DjlAlgorithms {
    /** The smallest image side the LeNet-like net takes (two 2x2 poolings around a 5x5 convolution). */
    static final int MIN_IMAGE_SIDE = 12;
    /** The versions this module is built against (a test checks them against the running engine). */
    static final String DJL_VERSION = "0.36.0";
    static final String PYTORCH_VERSION = "2.7.1";
    private static final String LIBRARY = "djl " + DJL_VERSION + " / pytorch " + PYTORCH_VERSION;

    private DjlAlgorithms() {
    }

    public static List<Algorithm> all() {
        return List.of(mlp(), cnn());
    }

    private static List<ParamInfo> loopParams(int epochs, double learningRate, int batchSize) {
        return List.of(intParam("epochs", epochs, 1, 100_000, "passes over the training rows"),
                doubleParam("learning_rate", learningRate, 1e-6, 10, "SGD step size"),
                doubleParam("momentum", 0.9, 0, 0.999, "SGD momentum (0 = plain SGD)"),
                intParam("batch_size", batchSize, 1, 65_536, "rows per gradient step"),
                intParam("checkpoint_every", 5, 1, 100_000, "epochs between checkpoints"));
    }

    static Algorithm mlp() {
        List<ParamInfo> params = new ArrayList<>(loopParams(20, 0.01, 32));
        params.add(intParam("hidden_units", 64, 1, 65_536, "units per hidden layer"));
        params.add(intParam("hidden_layers", 2, 0, 64, "hidden layers (Linear + ReLU); 0 = a linear model"));
        AlgorithmInfo info = new AlgorithmInfo("mlp", Set.of(Task.CLASSIFICATION, Task.REGRESSION), LIBRARY, params,
                false, "multilayer perceptron on tabular features (DJL, PyTorch), SGD with momentum");
        return new DjlAlgorithm(info, (data, p) -> NetShape.mlp(data.features().width(), outputs(data),
                p.getInt("hidden_units"), p.getInt("hidden_layers")));
    }

    static Algorithm cnn() {
        List<ParamInfo> params = new ArrayList<>(loopParams(10, 0.01, 64));
        params.add(optionalInt("image_width", MIN_IMAGE_SIDE, 65_536,
                "pixels per image row; default: the square root of features / channels"));
        params.add(optionalInt("image_height", MIN_IMAGE_SIDE, 65_536,
                "pixel rows per image; default: features / channels / image_width"));
        params.add(intParam("channels", 1, 1, 16, "colour channels, stored channel-major (all of channel 0 first)"));
        AlgorithmInfo info = new AlgorithmInfo("cnn", Set.of(Task.CLASSIFICATION), LIBRARY, params, false,
                "LeNet-like convolutional network on images stored as pixel columns (DJL, PyTorch)");
        return new DjlAlgorithm(info, DjlAlgorithms::cnnShape);
    }

    private static int outputs(TrainingData data) {
        return data.task() == Task.CLASSIFICATION ? data.classCount() : 1;
    }

    static NetShape cnnShape(TrainingData data, Params p) {
        int features = data.features().width();
        int channels = p.getInt("channels");
        int pixels = features / channels;
        if (pixels * channels != features) {
            throw new InvalidInputException("cnn param channels", channels, "must divide the " + features
                    + " feature columns evenly");
        }
        int width = p.has("image_width") ? p.getInt("image_width") : (int) Math.round(Math.sqrt(pixels));
        int height = p.has("image_height") ? p.getInt("image_height") : pixels / Math.max(1, width);
        if ((long) width * height * channels != features) {
            throw new InvalidInputException("cnn param image_width", width, "times image_height " + height
                    + " times channels " + channels + " must equal the " + features + " feature columns"
                    + " (set image_width and image_height for non-square images)");
        }
        if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
            throw new InvalidInputException("cnn param image_width", width + "x" + height, "must be at least "
                    + MIN_IMAGE_SIDE + " pixels each way");
        }
        return NetShape.cnn(features, outputs(data), width, height, channels);
    }
}
