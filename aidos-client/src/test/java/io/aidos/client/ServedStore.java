package io.aidos.client;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.server.AidosServer;
import io.aidos.server.ServerConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A real AI-DOS server on 127.0.0.1:0 over an embedded store, for tests that open it by its http:// URI. */
final class ServedStore {
    private static final Map<String, ServedStore> BY_URI = new ConcurrentHashMap<>();
    final AiDos backend;
    final AidosServer server;

    private ServedStore(AiDos backend, AidosServer server) {
        this.backend = backend;
        this.server = server;
    }

    /** Opens {@code backend}, serves it, and returns the client config for it. */
    static AiDosConfig serve(AiDosConfig backend) {
        AiDos aidos = AiDos.open(backend);
        AidosServer server = AidosServer.start(aidos, ServerConfig.builder().port(0).build());
        String uri = server.uri();
        BY_URI.put(uri, new ServedStore(aidos, server));
        return AiDosConfig.builder().uri(uri).build();
    }

    /** Stops the server and closes the store behind {@code client}'s URI. */
    static void stop(AiDosConfig client) {
        ServedStore s = BY_URI.remove(client.uri());
        if (s != null) {
            try {
                s.server.close();
            } finally {
                s.backend.close();
            }
        }
    }
}
