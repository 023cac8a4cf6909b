package io.aidos.api;

import java.util.List;

/** The model registry: {@code aidos.models()}. */
public interface Models {

    /**
     * Registers the artifact {@code artifactPath} of run {@code runId} (a file, or a folder of files logged under
     * that prefix) as the next version of model {@code name}, creating the model if needed.
     */
    ModelVersion register(String name, String runId, String artifactPath);

    /** The registered model, or {@link ModelNotFoundException}. */
    RegisteredModel get(String name);

    boolean exists(String name);

    /** All registered models, by name. */
    List<RegisteredModel> list();

    /**
     * Loads version {@code aliasOrVersion} (an alias such as {@code production}, or a version number) of model
     * {@code name} for in-process predictions. The model's format decides the library; when it is not on the class
     * path this throws {@link BackendUnavailableException} naming the Maven artifact to add.
     */
    Predictor load(String name, String aliasOrVersion);

    /** Loads exactly {@code version}. */
    Predictor load(ModelVersion version);
}
