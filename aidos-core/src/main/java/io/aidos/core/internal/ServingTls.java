package io.aidos.core.internal;

import io.aidos.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HTTPS for the deployments' inference servers: a PKCS12 keystore and its password. {@link #toString()} never shows
 * the password.
 */
public record ServingTls(Path keystore, String password) {

    public ServingTls {
        if (keystore == null || !Files.isReadable(keystore)) {
            throw new InvalidInputException("serving.tls.keystore", keystore, "must be a readable PKCS12 file");
        }
        if (password == null) {
            throw new InvalidInputException("serving.tls.password", null, "is required with serving.tls.keystore");
        }
    }

    @Override
    public String toString() {
        return "ServingTls[" + keystore + "]";
    }
}
