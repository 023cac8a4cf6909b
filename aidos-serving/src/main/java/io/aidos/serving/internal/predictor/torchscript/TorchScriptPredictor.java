package io.aidos.serving.internal.predictor.torchscript;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.aidos.api.Column;
import io.aidos.api.ColumnType;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Prediction;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.SignedPredictor;
import io.aidos.serving.internal.signature.TensorSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A loaded TorchScript model. Thread-safe: the DJL model (the TorchScript module) is shared and only read, and each
 * call makes its own DJL predictor (which is not thread-safe; one costs about 15 µs) and its own memory scope with
 * gradients off. {@link #close()} waits for calls in flight, then frees the module; later calls fail with
 * {@link IllegalStateException}.
 */
public final class TorchScriptPredictor implements SignedPredictor {
    private final ModelVersion version;
    private final ModelSignature signature;
    private final InputBatch batch;
    private final Model model;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    TorchScriptPredictor(ModelVersion version, ModelSignature signature, boolean declared, Model model) {
        this.version = version;
        this.signature = signature;
        this.batch = new InputBatch(signature.inputs(), declared);
        this.model = model;
    }

    @Override
    public ModelSignature signature() {
        return signature;
    }

    @Override
    public ModelVersion modelVersion() {
        return version;
    }

    @Override
    public Task task() {
        return signature.task();
    }

    /** One DOUBLE column per input tensor: a tensor model has no feature columns of its own. */
    @Override
    public List<Column> inputs() {
        return signature.inputs().stream().map(t -> new Column(t.name(), ColumnType.DOUBLE)).toList();
    }

    @Override
    public Prediction predict(Map<String, ?> features) {
        return predictAll(java.util.Collections.singletonList(features)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
        if (rows == null) {
            throw new InvalidInputException("rows", null, "must be a list of rows");
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("TorchScript model " + version.modelName() + " version "
                        + version.version() + " is closed");
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            return run(rows);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<Prediction> run(List<? extends Map<String, ?>> rows) {
        JniUtils.setGradMode(false); // per thread, and on by default
        try (NDManager call = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            NDList inputs = batch.tensors(call, rows);
            NDList outputs;
            try {
                outputs = predictor.predict(inputs);
            } catch (TranslateException | EngineException e) {
                throw rejected(e);
            }
            return OutputRows.predictions(outputs.get(0), rows.size());
        }
    }

    /**
     * The module refused the inputs (wrong width, rank or type). TorchScript's message is a traceback whose last
     * line names the problem, e.g. {@code RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 3x1)}.
     */
    private InvalidInputException rejected(Exception e) {
        Throwable cause = e instanceof TranslateException && e.getCause() != null ? e.getCause() : e;
        String[] lines = String.valueOf(cause.getMessage()).strip().split("\n");
        String names = signature.inputs().stream().map(TensorSpec::name).toList().toString();
        return new InvalidInputException("input " + names.substring(1, names.length() - 1),
                "was rejected by the TorchScript model: " + lines[lines.length - 1].strip(), e);
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "TorchScriptPredictor[" + version.modelName() + " v" + version.version() + "]";
    }
}
