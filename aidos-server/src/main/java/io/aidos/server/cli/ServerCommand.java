package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.IdentityConfig;
import io.aidos.server.AidosServer;
import io.aidos.server.RequestAuthenticator;
import io.aidos.server.ServerConfig;
import io.aidos.server.internal.mlflow.MlflowRouteGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code aidos server}: serves a store over HTTP (the AI-DOS API under {@code /api/v1}, the MLflow API under
 * {@code /api/2.0/mlflow}) and runs training jobs, until SIGTERM. Requests need an API key (create one with
 * {@code aidos keys create}) unless {@code --no-auth}.
 */
@Command(name = "server", description = "Serve a store over HTTP: the AI-DOS REST API and the MLflow tracking API.")
final class ServerCommand implements Runnable {
    @Spec
    CommandSpec spec;
    @Option(names = "--store", defaultValue = "${AIDOS_STORE:-local:./aidos-data}")
    String store;
    @Option(names = "--artifacts", description = "Artifact folder for jdbc:postgresql stores.")
    Path artifacts;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "8080", description = "0 picks a free port (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--workers", defaultValue = "1", description = "Training jobs run at once in the server.")
    int workers;
    @Option(names = "--auth", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Require API keys or access tokens (default); --no-auth makes every caller the owner.")
    boolean auth;
    @Option(names = "--tls-keystore", description = "Serve HTTPS with the certificate and key in this PKCS12 file.")
    Path tlsKeystore;
    @Option(names = "--tls-password-env", defaultValue = "AIDOS_TLS_PASSWORD",
            description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE}).")
    String tlsPasswordEnv;

    @Override
    public void run() {
        if (store.startsWith("http:") || store.startsWith("https:")) {
            throw new InvalidInputException("--store", store, "must be a local: or jdbc: store, not a server");
        }
        AiDosConfig.Builder config = AiDosConfig.builder().uri(store).trainingWorkers(workers);
        if (artifacts != null) {
            config.artifactRoot(artifacts);
        }
        AiDos aidos = AiDos.open(config.build());
        aidos.trainer(); // starts the training worker
        ServerConfig.Builder serverConfig = ServerConfig.builder().host(host).port(port);
        if (tlsKeystore != null) {
            String password = System.getenv(tlsPasswordEnv);
            if (password == null) {
                throw new InvalidInputException("--tls-password-env", tlsPasswordEnv,
                        "names an environment variable that is not set");
            }
            serverConfig.tls(tlsKeystore, password);
        }
        AidosServer.Builder builder = AidosServer.builder(aidos).config(serverConfig.build())
                .routes(new MlflowRouteGroup());
        if (auth) {
            builder.identity(identity(aidos));
        } else {
            builder.authenticator(RequestAuthenticator.localOwner());
        }
        AidosServer server = builder.start();
        var out = spec.commandLine().getOut();
        out.println("AI-DOS server on " + server.uri() + " (store " + aidos.uri() + "); MLflow clients: "
                + "MLFLOW_TRACKING_URI=" + server.uri());
        if (!auth) {
            spec.commandLine().getErr().println("warning: --no-auth: every caller that reaches " + server.uri()
                    + " acts as the owner");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            aidos.close();
            stopped.countDown();
        }, "aidos-server-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Identity identity(AiDos aidos) {
        if (!(aidos instanceof LocalAiDos local)) {
            throw new InvalidInputException("--store", aidos.uri(), "must be a local: or jdbc: store");
        }
        return Identity.open(local.database(), IdentityConfig.builder().build());
    }
}
