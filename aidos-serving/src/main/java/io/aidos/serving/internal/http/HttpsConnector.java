package io.aidos.serving.internal.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.file.Path;

/**
 * An HTTPS connector: Jetty's {@link SslContextFactory.Server} over a PKCS12 keystore, with Jetty's default protocols
 * and cipher suites (TLS 1.2 and 1.3). With it Javalin adds no plain HTTP connector. The inference servers and the
 * AI-DOS server's REST API both use it.
 */
public final class HttpsConnector {

    private HttpsConnector() {
    }

    public static Connector of(Server server, HttpConfiguration http, Path keystore, String password, String host,
                               int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
        ssl.setKeyStorePassword(password);
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
