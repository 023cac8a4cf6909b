package io.aidos.core;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.spi.BackendProvider;
import java.util.Locale;

/**
 * The in-process backend: {@code local:PATH} (embedded H2 file database plus artifact folder under PATH, zero
 * set-up) and {@code jdbc:postgresql://...} (the same logic on a shared PostgreSQL; several processes may share
 * it). Registered for {@link java.util.ServiceLoader}; may also be passed to
 * {@link AiDos#open(AiDosConfig, BackendProvider)} directly.
 */
public final class LocalBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "embedded-jdbc";
    }

    @Override
    public boolean accepts(String uri) {
        if (uri == null) {
            return false;
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("local:") || lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:h2:");
    }

    @Override
    public AiDos open(AiDosConfig config) {
        return LocalAiDos.open(config);
    }
}
