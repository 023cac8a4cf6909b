package io.aidos.serving.internal.predictor.torchscript;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Starts DJL's PyTorch engine offline, once per JVM, with its caches under the store's cache folder
 * ({@code CACHE/djl}, the folder aidos-training's engine start uses too). Caches already chosen by whoever started DJL
 * first (aidos-training, a {@code DJL_CACHE_DIR} property or environment variable) are kept.
 */
final class TorchEngine {
    static final String NAME = "PyTorch";
    private static final Logger LOG = LoggerFactory.getLogger(TorchEngine.class);

    private static Engine engine;

    private TorchEngine() {
    }

    static synchronized Engine start(Path cacheFolder) {
        if (engine == null) {
            Path djl = cacheFolder.toAbsolutePath().resolve("djl");
            System.setProperty("ai.djl.offline", "true");
            if (System.getProperty("DJL_CACHE_DIR") == null) {
                System.setProperty("DJL_CACHE_DIR", djl.toString());
            }
            if (System.getProperty("ENGINE_CACHE_DIR") == null) {
                System.setProperty("ENGINE_CACHE_DIR", djl.resolve("engines").toString());
            }
            engine = Engine.getEngine(NAME);
            LOG.info("DJL {} with PyTorch {} ready for TorchScript; native cache {}", Engine.getDjlVersion(),
                    engine.getVersion(), Utils.getEngineCacheDir(NAME.toLowerCase(java.util.Locale.ROOT)));
        }
        return engine;
    }
}
