package io.aidos.server;

import io.aidos.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where and how the server listens: host, port (0 picks a free one), request size limits, CORS (off unless
 * origins are given), HTTPS (a PKCS12 keystore; plain HTTP without one) and the per-address limit on login,
 * registration and refresh. Immutable; {@code ServerConfig.builder().port(8080).build()}.
 */
public final class ServerConfig {
    private final String host;
    private final int port;
    private final long maxUploadBytes;
    private final long maxJsonBytes;
    private final List<String> corsOrigins;
    private final Tls tls;
    private final int loginBurst;
    private final double loginPerSecond;

    /** A PKCS12 keystore with the server's certificate and private key; {@link #toString()} hides the password. */
    public record Tls(Path keystore, String password) {
        @Override
        public String toString() {
            return "Tls[" + keystore + "]";
        }
    }

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.maxUploadBytes = b.maxUploadBytes;
        this.maxJsonBytes = b.maxJsonBytes;
        this.corsOrigins = List.copyOf(b.corsOrigins);
        this.tls = b.tls;
        this.loginBurst = b.loginBurst;
        this.loginPerSecond = b.loginPerSecond;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** 127.0.0.1 and port 8080, default limits, no CORS. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Largest streamed upload (dataset or artifact); beyond it the server answers 413. Default 4 GiB. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Largest JSON request body (metric batches included); beyond it 413. Default 64 MiB. */
    public long maxJsonBytes() {
        return maxJsonBytes;
    }

    /** Origins allowed to call from a browser; empty (the default) means CORS is off. */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /** The HTTPS keystore; empty (the default) serves plain HTTP. */
    public Optional<Tls> tls() {
        return Optional.ofNullable(tls);
    }

    /** Login, registration and refresh attempts one address may make at once (default 10). */
    public int loginBurst() {
        return loginBurst;
    }

    /** How fast an address earns login attempts back, per second (default 0.2: 12 a minute). */
    public double loginPerSecond() {
        return loginPerSecond;
    }

    @Override
    public String toString() {
        return "ServerConfig{" + (tls == null ? "http://" : "https://") + host + ":" + port + ", maxUploadBytes="
                + maxUploadBytes + ", maxJsonBytes=" + maxJsonBytes + ", cors=" + corsOrigins + "}";
    }

    /** Each setter validates its value. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxUploadBytes = 4L << 30;
        private long maxJsonBytes = 64L << 20;
        private List<String> corsOrigins = List.of();
        private Tls tls;
        private int loginBurst = 10;
        private double loginPerSecond = 0.2;

        private Builder() {
        }

        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new InvalidInputException("host", host, "must not be blank");
            }
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new InvalidInputException("port", port, "must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        public Builder maxUploadBytes(long bytes) {
            if (bytes < 1) {
                throw new InvalidInputException("maxUploadBytes", bytes, "must be >= 1");
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        public Builder maxJsonBytes(long bytes) {
            if (bytes < 1024) {
                throw new InvalidInputException("maxJsonBytes", bytes, "must be >= 1024");
            }
            this.maxJsonBytes = bytes;
            return this;
        }

        public Builder corsOrigins(List<String> origins) {
            if (origins == null || origins.stream().anyMatch(o -> o == null || o.isBlank())) {
                throw new InvalidInputException("corsOrigins", origins, "must be a list of non-blank origins");
            }
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        /** Serves HTTPS only, with the certificate and key in the PKCS12 {@code keystore}. */
        public Builder tls(Path keystore, String password) {
            if (keystore == null || !Files.isReadable(keystore)) {
                throw new InvalidInputException("tls.keystore", keystore, "must be a readable PKCS12 file");
            }
            if (password == null) {
                throw new InvalidInputException("tls.password", null, "is required");
            }
            this.tls = new Tls(keystore, password);
            return this;
        }

        /** Per-address limit on login, registration and refresh: a burst, then {@code perSecond}. */
        public Builder loginRateLimit(int burst, double perSecond) {
            if (burst < 1) {
                throw new InvalidInputException("loginBurst", burst, "must be >= 1");
            }
            if (!(perSecond > 0)) {
                throw new InvalidInputException("loginPerSecond", perSecond, "must be > 0");
            }
            this.loginBurst = burst;
            this.loginPerSecond = perSecond;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}
