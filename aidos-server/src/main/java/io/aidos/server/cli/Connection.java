package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import picocli.CommandLine.Option;

/** Where a command works: a local store, or a remote server with {@code AIDOS_API_KEY}; and how it prints. */
final class Connection {
    @Option(names = "--store", defaultValue = "${AIDOS_STORE:-local:./aidos-data}",
            description = "Store URI: local:PATH or jdbc:postgresql://... (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--server", description = "A remote AI-DOS server, e.g. http://host:8080 (key from AIDOS_API_KEY).")
    String server;

    @Option(names = "--output", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output.Format output;

    AiDos open(int trainingWorkers) {
        AiDosConfig.Builder config = AiDosConfig.builder().trainingWorkers(trainingWorkers);
        if (server != null) {
            config.uri(server).apiKey(System.getenv("AIDOS_API_KEY"));
        } else {
            config.uri(store);
        }
        return AiDos.open(config.build());
    }

    /** Opens without an in-process training worker: commands only submit or read. */
    AiDos open() {
        return open(0);
    }
}
