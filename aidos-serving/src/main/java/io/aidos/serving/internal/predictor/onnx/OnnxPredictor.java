package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aidos.api.AiDosException;
import io.aidos.api.Column;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Prediction;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.SignedPredictor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A predictor over one {@link OrtSession}. A row maps each graph input name to that row's value (a number, a numeric
 * array or list, a {@link io.aidos.serving.internal.signature.RowTensor}; strings for string inputs); a graph with a
 * single input also takes a row whose one key is any name. {@link #predictAll} stacks the rows into one tensor per
 * input and runs the graph once (in chunks of the batch size, when the graph fixes one, the last chunk padded with
 * copies of its last row). Runs of one row (or of the fixed batch) reuse their tensors where the graph allows
 * ({@link PinnedRuns}). Thread-safe: ONNX Runtime runs a session from many threads, and {@link #close()} waits for
 * runs in flight.
 */
public final class OnnxPredictor implements SignedPredictor {
    private final ModelVersion version;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final GraphSignature graph;
    private final List<String> inputNames;
    /** The batch size the graph fixes (the smallest, if inputs differ), or -1 when it takes any. */
    private final int fixedBatch;
    /** Reused tensors for runs of one row (or of the fixed batch), where the graph allows. */
    private final PinnedRuns pinnedRuns;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    OnnxPredictor(ModelVersion version, OrtEnvironment env, OrtSession session, GraphSignature graph) {
        this.version = version;
        this.env = env;
        this.session = session;
        this.graph = graph;
        this.inputNames = graph.inputs().stream().map(GraphInput::name).toList();
        this.fixedBatch = (int) Math.min(Integer.MAX_VALUE, graph.inputs().stream().mapToLong(GraphInput::fixedBatch)
                .filter(b -> b > 0).min().orElse(-1));
        this.pinnedRuns = new PinnedRuns(env, graph, fixedBatch > 0 ? fixedBatch : 1);
    }

    @Override
    public ModelVersion modelVersion() {
        return version;
    }

    @Override
    public Task task() {
        return graph.task();
    }

    /** One column per graph input: STRING for string tensors, BOOLEAN for boolean ones, else DOUBLE. */
    @Override
    public List<Column> inputs() {
        return graph.inputs().stream().map(i -> new Column(i.name(), ElementTypes.columnType(i.type()))).toList();
    }

    @Override
    public ModelSignature signature() {
        return graph.signature();
    }

    @Override
    public Prediction predict(Map<String, ?> features) {
        return predictAll(Collections.singletonList(features)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("predictor for model " + describe() + " is closed");
            }
            if (rows == null) {
                throw new InvalidInputException("rows", null, "must not be null");
            }
            List<Map<String, Object>> resolved = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                resolved.add(resolve(rows.get(i), rows.size() > 1 ? " in row " + i : ""));
            }
            int chunk = fixedBatch > 0 ? fixedBatch : Math.max(resolved.size(), 1);
            List<Prediction> out = new ArrayList<>(resolved.size());
            for (int from = 0; from < resolved.size(); from += chunk) {
                out.addAll(run(resolved, from, Math.min(from + chunk, resolved.size()), rows.size() > 1));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs rows [from, to), padded with copies of the last to the graph's fixed batch size if it has one. */
    private List<Prediction> run(List<Map<String, Object>> rows, int from, int to, boolean many) {
        int total = fixedBatch > 0 ? fixedBatch : to - from;
        List<TensorStack> stacks = new ArrayList<>(graph.inputs().size());
        for (GraphInput input : graph.inputs()) {
            TensorStack stack = new TensorStack(input);
            for (int r = from; r < from + total; r++) {
                int row = Math.min(r, to - 1);
                stack.add(input.name() + (many ? " in row " + row : ""), rows.get(row).get(input.name()));
            }
            stacks.add(stack);
        }
        try {
            PinnedRun pinned = pinnedRuns.take(total);
            if (pinned == null) {
                return runWithNewTensors(stacks, total, to - from);
            }
            try {
                pinned.fill(stacks);
                try (OrtSession.Result ignored = session.run(pinned.inputs(), pinned.outputs())) {
                    return PredictionReader.read(pinned::values, graph, to - from);
                }
            } finally {
                pinnedRuns.give(pinned);
            }
        } catch (OrtException e) {
            throw new AiDosException("ONNX Runtime could not run model " + describe() + ": " + e.getMessage(), e);
        }
    }

    private List<Prediction> runWithNewTensors(List<TensorStack> stacks, int total, int rows) throws OrtException {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (TensorStack stack : stacks) {
                tensors.put(stack.name(), stack.build(env));
            }
            try (OrtSession.Result result = session.run(tensors, graph.requested())) {
                if (pinnedRuns.learning(total)) {
                    pinnedRuns.learn(result);
                }
                return PredictionReader.read(result, graph, rows);
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    /** Whether runs of one row (or of the fixed batch) reuse their tensors by now (see {@link PinnedRuns}). */
    boolean reusesTensors() {
        return pinnedRuns.on();
    }

    /** The row keyed by input name: a single-input graph's row may use any one key. */
    private Map<String, Object> resolve(Map<String, ?> row, String where) {
        if (row == null) {
            throw new InvalidInputException("row" + where, null, "must not be null");
        }
        if (inputNames.size() == 1 && row.size() == 1 && !row.containsKey(inputNames.get(0))) {
            Object value = row.values().iterator().next();
            if (value == null) {
                throw missing(inputNames.get(0), where);
            }
            return Map.of(inputNames.get(0), value);
        }
        for (String key : row.keySet()) {
            if (!inputNames.contains(key)) {
                throw new InvalidInputException("input" + where, key, "is not an input of model " + describe()
                        + " (its inputs are " + inputNames + ")");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : inputNames) {
            Object value = row.get(name);
            if (value == null) {
                throw missing(name, where);
            }
            out.put(name, value);
        }
        return out;
    }

    private InvalidInputException missing(String name, String where) {
        return new InvalidInputException("input " + name + where, "is missing (model " + describe()
                + " takes " + inputNames + ")", (Throwable) null);
    }

    private String describe() {
        return version.modelName() + " version " + version.version();
    }

    /** Closes the session once runs in flight have finished. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                pinnedRuns.close();
                session.close();
            }
        } catch (OrtException e) {
            throw new AiDosException("could not close the ONNX Runtime session of model " + describe() + ": "
                    + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
