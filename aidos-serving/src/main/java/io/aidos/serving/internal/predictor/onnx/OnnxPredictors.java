package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;
import io.aidos.spi.PredictorProvider;

import java.nio.file.Path;

/**
 * The {@link PredictorProvider} for flavor {@code onnx}: outside {@code .onnx} files, served with ONNX Runtime (found
 * by ServiceLoader). The registered version's folder must hold exactly one {@code .onnx} file (external weight files
 * beside it are read by ONNX Runtime).
 *
 * <p>All predictors share ONNX Runtime's one {@link OrtEnvironment}, obtained on the first load; each loaded predictor
 * (each deployment replica) opens its own {@link OrtSession}. A session runs operators on
 * {@value #INTRA_OP_THREADS_PROPERTY} threads, 1 by default: parallelism comes from replicas, and one thread per
 * session keeps replicas from fighting over cores. Set the system property to a larger number for a model served by
 * one replica, or to 0 to let ONNX Runtime use one thread per physical core.
 *
 * <p>Sessions allocate with plain {@code malloc} rather than ONNX Runtime's CPU arena unless
 * {@value #CPU_ARENA_PROPERTY} is {@code true}: the arena takes one mutex per allocation, so concurrent runs of a
 * small model on one session queue on it (two threads ran the iris export no faster than one with the arena,
 * 1.5&times; faster without it).
 */
public final class OnnxPredictors implements PredictorProvider {
    /** System property: the intra-op threads of each session (an integer &gt;= 0; 0 is ONNX Runtime's default). */
    public static final String INTRA_OP_THREADS_PROPERTY = "aidos.onnx.intraOpThreads";
    /** System property: {@code true} to allocate from ONNX Runtime's CPU arena (default {@code false}). */
    public static final String CPU_ARENA_PROPERTY = "aidos.onnx.cpuArena";

    @Override
    public String name() {
        return "onnx-runtime";
    }

    @Override
    public boolean supports(String flavor) {
        return "onnx".equals(flavor);
    }

    @Override
    public Predictor load(String flavor, Path directory, Path cacheFolder, ModelVersion version) {
        Path file = OnnxFile.find(directory, version);
        String model = "model " + version.modelName() + " version " + version.version();
        int threads = intraOpThreads(System.getProperty(INTRA_OP_THREADS_PROPERTY));
        boolean arena = cpuArena(System.getProperty(CPU_ARENA_PROPERTY));
        OrtEnvironment env = environment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setCPUArenaAllocator(arena);
            // Memory patterns plan allocations in the arena; without it they only add work per run.
            options.setMemoryPatternOptimization(arena);
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new InvalidInputException(model + " file " + file.getFileName(),
                    "could not be loaded by ONNX Runtime: " + e.getMessage(), e);
        }
        try {
            return new OnnxPredictor(version, env, session, GraphSignature.of(session, model));
        } catch (OrtException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new InvalidInputException(model + " file " + file.getFileName(),
                    "has inputs or outputs ONNX Runtime cannot describe: " + e.getMessage(), e);
        }
    }

    /** The intra-op thread count {@code value} (the system property, or null when unset) asks for. */
    static int intraOpThreads(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw new InvalidInputException(INTRA_OP_THREADS_PROPERTY, value, "must be an integer >= 0");
    }

    /** Whether {@code value} (the system property, or null when unset) asks for the CPU arena. */
    static boolean cpuArena(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException(CPU_ARENA_PROPERTY, value, "must be true or false");
    }

    private static OrtEnvironment environment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException("ONNX Runtime's native library could not be loaded on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e.getMessage(), e);
        }
    }
}
