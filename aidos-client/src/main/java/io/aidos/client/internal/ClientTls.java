package io.aidos.client.internal;

import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Which servers an {@code https://} client trusts: the JVM's default trust store (the system properties
 * {@code javax.net.ssl.trustStore} / {@code trustStorePassword} included), or only the certificates in the
 * keystore named by the {@code tls.truststore} property (PKCS12 or JKS; password in {@code tls.truststore-password}),
 * e.g. a private CA or a self-signed server certificate. Hostnames are always verified.
 */
final class ClientTls {
    static final String TRUSTSTORE = "tls.truststore";
    static final String PASSWORD = "tls.truststore-password";

    private ClientTls() {
    }

    static void configure(OkHttpClient.Builder builder, AiDosConfig config) {
        String path = config.properties().get(TRUSTSTORE);
        if (path == null) {
            return;
        }
        Path file = Path.of(path);
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(TRUSTSTORE, path, "must be a readable PKCS12 or JKS file");
        }
        String password = config.properties().get(PASSWORD);
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            TrustManager[] managers = tmf.getTrustManagers();
            X509TrustManager trust = (X509TrustManager) Arrays.stream(managers)
                    .filter(m -> m instanceof X509TrustManager).findFirst()
                    .orElseThrow(() -> new InvalidInputException(TRUSTSTORE, path, "holds no X.509 certificates"));
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(ssl.getSocketFactory(), trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException(TRUSTSTORE, path, "cannot be read as a trust store (wrong password or"
                    + " format?): " + e.getMessage());
        }
    }
}
