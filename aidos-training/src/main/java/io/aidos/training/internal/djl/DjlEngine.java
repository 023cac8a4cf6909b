package io.aidos.training.internal.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Starts DJL's PyTorch engine offline, once per JVM, with its caches in an AI-DOS folder (never the user's home).
 * The first caller's folder wins; later callers are told which folder is in use. DJL reads the environment before
 * system properties, so a {@code DJL_CACHE_DIR} / {@code ENGINE_CACHE_DIR} environment variable still overrides.
 */
final class DjlEngine {
    static final String ENGINE = "PyTorch";
    /** PyTorch allows one gradient collector per JVM at a time: every training step holds this lock. */
    static final Object STEP_LOCK = new Object();

    private static Path cacheFolder;
    private static Engine engine;

    private DjlEngine() {
    }

    /** The engine, started with its caches under {@code folder} if this is the first start in the JVM. */
    static synchronized Engine start(Path folder, Consumer<String> log) {
        if (engine == null) {
            Path djl = folder.toAbsolutePath().resolve("djl");
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("DJL_CACHE_DIR", djl.toString());
            System.setProperty("ENGINE_CACHE_DIR", djl.resolve("engines").toString());
            engine = Engine.getEngine(ENGINE);
            cacheFolder = djl;
            log.accept("DJL " + Engine.getDjlVersion() + " with PyTorch " + engine.getVersion()
                    + " started offline; native cache " + ai.djl.util.Utils.getEngineCacheDir(ENGINE.toLowerCase()));
        } else {
            log.accept("DJL engine already started in this JVM; native cache "
                    + ai.djl.util.Utils.getEngineCacheDir(ENGINE.toLowerCase())
                    + (cacheFolder == null ? "" : " (set up for " + cacheFolder + ")"));
        }
        return engine;
    }

    /** PyTorch's grad mode is per thread and on by default: steps and inference turn it off explicitly. */
    static void gradientsOff() {
        JniUtils.setGradMode(false);
    }

    static String djlVersion() {
        return Engine.getDjlVersion();
    }
}
