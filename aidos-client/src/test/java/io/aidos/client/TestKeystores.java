package io.aidos.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A self-signed certificate for 127.0.0.1 made with the JDK's keytool: a PKCS12 keystore and a truststore. */
final class TestKeystores {
    public static final String PASSWORD = "test-password";

    private TestKeystores() {
    }

    /** Writes {@code server.p12} (key and certificate) and {@code trust.p12} (the certificate) into {@code dir}. */
    public static Path[] create(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "aidos", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "aidos", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "aidos", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", PASSWORD);
        return new Path[] {keystore, trust};
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
