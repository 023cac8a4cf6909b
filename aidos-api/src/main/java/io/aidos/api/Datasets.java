package io.aidos.api;

import java.util.List;

/** Versioned data sets ("DataForge"): {@code aidos.datasets()}. */
public interface Datasets {

    /**
     * Starts a new dataset; {@link DatasetDraft#commit(String)} creates it with version 1 and throws
     * {@link AlreadyExistsException} if the name is taken.
     */
    DatasetDraft create(String name);

    /** The dataset, or {@link DatasetNotFoundException}. */
    Dataset get(String name);

    boolean exists(String name);

    /** All datasets, by name. */
    List<Dataset> list();
}
