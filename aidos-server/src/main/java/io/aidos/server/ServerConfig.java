package io.aidos.server;

import io.aidos.api.InvalidInputException;
import java.util.List;

/**
 * Where and how the server listens: host, port (0 picks a free one), request size limits and CORS (off unless
 * origins are given). Immutable; {@code ServerConfig.builder().port(8080).build()}.
 */
public final class ServerConfig {
    private final String host;
    private final int port;
    private final long maxUploadBytes;
    private final long maxJsonBytes;
    private final List<String> corsOrigins;

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.maxUploadBytes = b.maxUploadBytes;
        this.maxJsonBytes = b.maxJsonBytes;
        this.corsOrigins = List.copyOf(b.corsOrigins);
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

    @Override
    public String toString() {
        return "ServerConfig{" + host + ":" + port + ", maxUploadBytes=" + maxUploadBytes + ", maxJsonBytes="
                + maxJsonBytes + ", cors=" + corsOrigins + "}";
    }

    /** Each setter validates its value. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxUploadBytes = 4L << 30;
        private long maxJsonBytes = 64L << 20;
        private List<String> corsOrigins = List.of();

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

        public ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}
