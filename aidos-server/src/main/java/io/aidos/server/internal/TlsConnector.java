package io.aidos.server.internal;

import io.aidos.server.ServerConfig;
import io.aidos.serving.internal.http.HttpsConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;

/** The REST API's HTTPS connector ({@link HttpsConnector}, shared with the inference servers). */
public final class TlsConnector {

    private TlsConnector() {
    }

    public static Connector of(Server server, HttpConfiguration http, ServerConfig.Tls tls, String host, int port) {
        return HttpsConnector.of(server, http, tls.keystore(), tls.password(), host, port);
    }
}
