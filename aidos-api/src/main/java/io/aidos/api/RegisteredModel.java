package io.aidos.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A named model with numbered versions and movable aliases such as {@code production}. */
public interface RegisteredModel {

    String name();

    Instant createdAt();

    /** All versions, oldest first. */
    List<ModelVersion> versions();

    /** Version {@code number}, or {@link ModelNotFoundException}. */
    ModelVersion version(int number);

    ModelVersion latestVersion();

    /** Points {@code alias} at {@code version} (moving it if it pointed elsewhere). */
    void setAlias(String alias, int version);

    /** Removes {@code alias}; {@link ModelNotFoundException} if it is not set. */
    void deleteAlias(String alias);

    /** The version {@code alias} points at, or {@link ModelNotFoundException}. */
    ModelVersion byAlias(String alias);

    /** Alias to version number. */
    Map<String, Integer> aliases();
}
