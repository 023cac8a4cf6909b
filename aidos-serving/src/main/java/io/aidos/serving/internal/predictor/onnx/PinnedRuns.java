package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aidos.serving.internal.signature.TensorSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link PinnedRun}s of one session, for runs of its usual size: one row, or the batch the graph fixes. A graph
 * qualifies when no input is a string or leaves a dimension after the batch open, every requested output is a
 * number tensor whose dimensions after the batch are fixed, and a run's tensors take at most {@value #MAX_BYTES}
 * bytes. Whether the outputs really come out in those shapes is learnt from the first ordinary run of that size
 * ({@link #learn}); until then, and for good if they do not, runs go the ordinary way. Thread-safe: a pinned run is
 * lent to one thread at a time, and runs idle between uses are kept for the next.
 */
final class PinnedRuns implements AutoCloseable {
    /** Small models are where per-run tensor creation shows; larger tensors are not kept per thread. */
    static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(PinnedRuns.class);

    private enum State { UNTRIED, ON, OFF }

    private final OrtEnvironment env;
    private final GraphSignature graph;
    private final int rows;
    /** The outputs to pin, by name; null when the graph does not qualify. */
    private final Map<String, PinnedRun.OutputSlot> outputs;
    private final ConcurrentLinkedQueue<PinnedRun> idle = new ConcurrentLinkedQueue<>();
    private volatile State state;

    /** Pinned runs of {@code rows} rows of {@code graph}'s session, if the graph qualifies. */
    PinnedRuns(OrtEnvironment env, GraphSignature graph, int rows) {
        this.env = env;
        this.graph = graph;
        this.rows = rows;
        this.outputs = slots(graph, rows);
        this.state = outputs == null ? State.OFF : State.UNTRIED;
    }

    /** A pinned run to use for a run of {@code total} rows and then {@link #give} back, or null for an ordinary run. */
    PinnedRun take(int total) {
        if (state != State.ON || total != rows) {
            return null;
        }
        PinnedRun run = idle.poll();
        if (run != null) {
            return run;
        }
        try {
            return PinnedRun.create(env, graph, rows, outputs);
        } catch (OrtException | RuntimeException e) {
            LOG.warn("ONNX Runtime could not create reusable tensors; runs create their own: {}", e.toString());
            state = State.OFF;
            return null;
        }
    }

    void give(PinnedRun run) {
        idle.add(run);
    }

    /** Whether runs of their size now reuse pinned tensors. */
    boolean on() {
        return state == State.ON;
    }

    /** Whether an ordinary run of {@code total} rows should be shown to {@link #learn}. */
    boolean learning(int total) {
        return state == State.UNTRIED && total == rows;
    }

    /** Turns pinned runs on if {@code result}'s outputs have the shapes and types the pinned tensors have. */
    void learn(OrtSession.Result result) {
        for (Map.Entry<String, PinnedRun.OutputSlot> o : outputs.entrySet()) {
            OnnxValue value = result.get(o.getKey()).orElse(null);
            long[] expected = RowShapes.withBatch(rows, o.getValue().slice());
            if (!(value instanceof OnnxTensor t) || t.getInfo().type != o.getValue().type()
                    || !Arrays.equals(t.getInfo().getShape(), expected)) {
                LOG.debug("output {} is not of shape {}: runs create their own tensors", o.getKey(),
                        Arrays.toString(expected));
                state = State.OFF;
                return;
            }
        }
        state = State.ON;
    }

    /** The requested outputs' slots when the graph qualifies, else null. */
    private static Map<String, PinnedRun.OutputSlot> slots(GraphSignature graph, int rows) {
        for (GraphInput input : graph.inputs()) {
            if (input.type() == OnnxJavaType.STRING || Arrays.stream(input.slice()).anyMatch(d -> d < 0)) {
                return null;
            }
        }
        Map<String, PinnedRun.OutputSlot> slots = new LinkedHashMap<>();
        for (String name : graph.requested()) {
            TensorSpec spec = graph.signature().outputs().stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElse(null);
            OnnxJavaType type = spec == null ? null : ElementTypes.numeric(spec.datatype());
            if (type == null || spec.shape().isEmpty() || (spec.shape().get(0) >= 0 && spec.shape().get(0) != rows)) {
                return null;
            }
            List<Long> after = spec.shape().subList(1, spec.shape().size());
            if (after.stream().anyMatch(d -> d < 0)) {
                return null;
            }
            slots.put(name, new PinnedRun.OutputSlot(type, after.stream().mapToLong(Long::longValue).toArray()));
        }
        return PinnedRun.bytes(graph, rows, slots) <= MAX_BYTES ? slots : null;
    }

    /** Closes the idle pinned runs; called once no run is in flight. */
    @Override
    public void close() {
        state = State.OFF;
        for (PinnedRun run = idle.poll(); run != null; run = idle.poll()) {
            run.close();
        }
    }
}
