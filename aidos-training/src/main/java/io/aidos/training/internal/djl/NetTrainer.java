package io.aidos.training.internal.djl;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One network in training: seeded initialisation, a step of SGD with momentum ({@code v = m*v + g; w -= lr*v},
 * DJL's fused PyTorch update; the buffers are saved with checkpoints, so a resumed run continues exactly),
 * evaluation, and hand-over to a {@link DjlModel}. Classification minimises softmax cross-entropy on logits, regression the mean squared error.
 */
final class NetTrainer implements AutoCloseable {
    private static final int EVAL_BATCH = 1024;

    private final Engine engine;
    private final NetShape shape;
    private final boolean classification;
    private final float learningRate;
    private final float momentum;
    private final NDManager manager;
    private final Block block;
    private final Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
    private final ParameterStore parameters;
    private List<NDArray> weights;
    private List<NDArray> velocity;
    private boolean handedOver;

    NetTrainer(Engine engine, NetShape shape, boolean classification, double learningRate, double momentum,
               long seed) {
        this.engine = engine;
        this.shape = shape;
        this.classification = classification;
        this.learningRate = (float) learningRate;
        this.momentum = (float) momentum;
        this.manager = engine.newBaseManager();
        this.block = shape.newBlock();
        this.parameters = new ParameterStore(manager, false);
        synchronized (DjlEngine.STEP_LOCK) { // the RNG is the engine's: nobody else may draw between seed and init
            engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
            block.initialize(manager, DataType.FLOAT32, shape.inputShape());
        }
        trackWeights();
        velocity = new ArrayList<>();
        for (NDArray w : weights) {
            velocity.add(manager.zeros(w.getShape(), w.getDataType()));
        }
    }

    private void trackWeights() {
        weights = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            NDArray w = p.getArray();
            w.setRequiresGradient(true);
            weights.add(w);
        }
    }

    /** One SGD step on {@code rows} rows; returns the batch's mean loss. */
    float step(float[] x, float[] y, int rows) {
        synchronized (DjlEngine.STEP_LOCK) {
            try (NDManager batch = manager.newSubManager()) {
                NDArray input = batch.create(FloatBuffer.wrap(x, 0, rows * shape.inputs()), new Shape(rows, shape.inputs()));
                NDArray target = targets(batch, y, rows);
                float loss;
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray out = block.forward(parameters, new NDList(input), true)
                            .singletonOrThrow();
                    NDArray value = loss(target, out);
                    collector.backward(value);
                    loss = value.getFloat();
                }
                DjlEngine.gradientsOff();
                for (int i = 0; i < weights.size(); i++) {
                    NDArray w = weights.get(i);
                    try (NDArray g = w.getGradient()) { // fused: v = m*v + g; w -= lr*v; then g = 0
                        w.getNDArrayInternal().sgdUpdate(new NDList(w, g, velocity.get(i)), new NDList(w),
                                learningRate, 0f, 1f, -1f, momentum, true);
                    }
                }
                return loss;
            }
        }
    }

    private NDArray targets(NDManager m, float[] y, int rows) {
        FloatBuffer used = FloatBuffer.wrap(y, 0, rows);
        return m.create(used, classification ? new Shape(rows) : new Shape(rows, 1));
    }

    private NDArray loss(NDArray target, NDArray out) {
        return classification ? crossEntropy.evaluate(new NDList(target), new NDList(out))
                : out.sub(target).square().mean();
    }

    /** Mean loss and accuracy (classification) or root mean squared error (regression) over {@code data}. */
    Evaluation evaluate(FloatRows data) {
        double lossSum = 0;
        double hits = 0;
        double squares = 0;
        DjlEngine.gradientsOff();
        for (int from = 0; from < data.rows; from += EVAL_BATCH) {
            int rows = Math.min(EVAL_BATCH, data.rows - from);
            try (NDManager batch = manager.newSubManager()) {
                float[] x = java.util.Arrays.copyOfRange(data.x, from * data.width, (from + rows) * data.width);
                float[] y = java.util.Arrays.copyOfRange(data.y, from, from + rows);
                NDArray out = block.forward(new ParameterStore(batch, false),
                        new NDList(batch.create(x, new Shape(rows, shape.inputs()))), false).singletonOrThrow();
                NDArray target = targets(batch, y, rows);
                lossSum += loss(target, out).getFloat() * rows;
                if (classification) {
                    hits += out.argMax(1).toType(DataType.FLOAT32, false).eq(target).toType(DataType.FLOAT32, false).sum().getFloat();
                } else {
                    squares += out.sub(target).square().sum().getFloat();
                }
            }
        }
        int n = Math.max(1, data.rows);
        return new Evaluation(lossSum / n, classification ? hits / n : Math.sqrt(squares / n));
    }

    /** Validation loss, and accuracy (classification) or RMSE in encoded units (regression). */
    record Evaluation(double loss, double quality) {
    }

    TrainingState snapshot() {
        try {
            ByteArrayOutputStream params = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(params));
            return new TrainingState(params.toByteArray(), new NDList(velocity).encode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restore(TrainingState state) throws IOException {
        try {
            block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(state.parameters())));
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint parameters do not fit network " + shape + ": " + e.getMessage(), e);
        }
        trackWeights();
        NDList restored = NDList.decode(manager, state.momentum());
        if (restored.size() != weights.size()) {
            throw new IOException("checkpoint has " + restored.size() + " momentum buffers for " + weights.size()
                    + " parameters");
        }
        velocity.forEach(NDArray::close);
        velocity = new ArrayList<>(restored);
    }

    /** The trained network as a model; the model owns the native memory from now on. */
    DjlModel toModel(io.aidos.api.Task task) {
        for (NDArray w : weights) {
            w.setRequiresGradient(false);
        }
        velocity.forEach(NDArray::close);
        handedOver = true;
        return new DjlModel(shape, task, manager, block, engine.getVersion());
    }

    @Override
    public void close() {
        if (!handedOver) {
            manager.close();
        }
    }
}
