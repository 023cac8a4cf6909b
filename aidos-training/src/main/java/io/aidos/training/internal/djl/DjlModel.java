package io.aidos.training.internal.djl;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.TrainedModel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained DJL network. {@link #predict} is thread-safe: each call works in its own child memory scope with
 * gradients off, and the parameters are only read. Classification returns softmax probabilities per label index;
 * regression one value in encoded units. Files: {@code net.json} (the block's shape) and {@code parameters.djl}.
 */
final class DjlModel implements TrainedModel {
    static final String FLAVOR = "djl";

    private final NetShape shape;
    private final Task task;
    private final NDManager manager;
    private final Block block;
    private final String pytorchVersion;
    private volatile boolean closed;

    DjlModel(NetShape shape, Task task, NDManager manager, Block block, String pytorchVersion) {
        this.shape = shape;
        this.task = task;
        this.manager = manager;
        this.block = block;
        this.pytorchVersion = pytorchVersion;
    }

    /** Rebuilds the block from {@code net.json} and loads {@code parameters.djl} from {@code folder}. */
    static DjlModel load(Engine engine, Path folder, Task task) throws IOException {
        NetShape shape = NetShape.read(folder);
        NDManager manager = engine.newBaseManager();
        Block block = shape.newBlock();
        try (InputStream in = Files.newInputStream(folder.resolve(TrainingState.PARAMETERS))) {
            synchronized (DjlEngine.STEP_LOCK) { // initialising draws from the engine's seeded RNG
                block.initialize(manager, DataType.FLOAT32, shape.inputShape());
            }
            block.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IOException("cannot load DJL parameters from " + folder + ": " + e.getMessage(), e);
        }
        return new DjlModel(shape, task, manager, block, engine.getVersion());
    }

    NetShape shape() {
        return shape;
    }

    @Override
    public String flavor() {
        return FLAVOR;
    }

    @Override
    public Map<String, String> libraryVersions() {
        return Map.of("djl", DjlEngine.djlVersion(), "pytorch", pytorchVersion);
    }

    @Override
    public double[][] predict(double[][] features) {
        if (closed) {
            throw new IllegalStateException("DJL model is closed");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != shape.inputs()) {
                throw new InvalidInputException("features[" + i + "]", features[i].length + " values",
                        "must have " + shape.inputs() + " values, the network's input width");
            }
        }
        if (features.length == 0) {
            return new double[0][];
        }
        FloatRows rows = FloatRows.of(features, new double[0], shape.inputs());
        DjlEngine.gradientsOff();
        float[] out;
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(rows.x, new Shape(rows.rows, rows.width));
            NDArray y = block.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow();
            out = (task == Task.CLASSIFICATION ? y.softmax(-1) : y).toFloatArray();
        }
        int width = task == Task.CLASSIFICATION ? shape.outputs() : 1;
        double[][] result = new double[features.length][width];
        for (int i = 0; i < features.length; i++) {
            for (int j = 0; j < width; j++) {
                result[i][j] = out[i * width + j];
            }
        }
        return result;
    }

    @Override
    public void save(Path folder) throws IOException {
        shape.write(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve(TrainingState.PARAMETERS))) {
            block.saveParameters(new DataOutputStream(out));
        }
    }

    @Override
    public void close() {
        closed = true;
        manager.close();
    }
}
