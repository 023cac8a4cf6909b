package io.aidos.api;

import java.time.Instant;
import java.util.List;

/** A named dataset: a sequence of immutable versions. */
public interface Dataset {

    String name();

    /** The description given at creation, or null. */
    String description();

    Instant createdAt();

    /** The highest version. */
    DatasetVersion latest();

    /** Version {@code number} (from 1), or {@link DatasetNotFoundException}. */
    DatasetVersion version(int number);

    /** All versions, oldest first. */
    List<DatasetVersion> versions();

    /** Starts the next version. */
    DatasetDraft newVersion();
}
