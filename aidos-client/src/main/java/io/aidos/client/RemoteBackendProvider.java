package io.aidos.client;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.client.internal.RemoteAiDos;
import io.aidos.spi.BackendProvider;
import java.util.Locale;

/**
 * The backend for {@code http://} and {@code https://} URIs: a remote AI-DOS server. Cheap to construct; the HTTP
 * client is made by {@link #open}. Sends {@link AiDosConfig#apiKey()} as a bearer token.
 */
public final class RemoteBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "http-client";
    }

    @Override
    public boolean accepts(String uri) {
        if (uri == null) {
            return false;
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    @Override
    public AiDos open(AiDosConfig config) {
        return RemoteAiDos.open(config);
    }
}
