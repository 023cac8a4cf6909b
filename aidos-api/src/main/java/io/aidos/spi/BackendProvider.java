package io.aidos.spi;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;

/**
 * A backend, found by {@link java.util.ServiceLoader} the way JDBC finds drivers. Implementations must be cheap to
 * construct: no I/O until {@link #open(AiDosConfig)}.
 */
public interface BackendProvider {

    /** A short name for messages, e.g. {@code embedded-jdbc} or {@code http-client}. */
    String name();

    /** Whether this provider handles {@code uri} (usually by its scheme). */
    boolean accepts(String uri);

    /** Opens a new, independent instance. */
    AiDos open(AiDosConfig config);
}
