package io.aidos.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open AI-DOS: the backend URI plus options. Immutable; built with {@link #builder()}.
 * {@link #toString()} never shows the API key.
 */
public final class AiDosConfig {
    private final String uri;
    private final String apiKey;
    private final Path artifactRoot;
    private final Duration metricFlushInterval;
    private final int metricBatchSize;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int trainingWorkers;
    private final Map<String, String> properties;

    private AiDosConfig(Builder b) {
        this.uri = b.uri;
        this.apiKey = b.apiKey;
        this.artifactRoot = b.artifactRoot;
        this.metricFlushInterval = b.metricFlushInterval;
        this.metricBatchSize = b.metricBatchSize;
        this.poolSize = b.poolSize;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.trainingWorkers = b.trainingWorkers;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The backend URI: {@code local:PATH}, {@code jdbc:postgresql://...}, {@code http(s)://...}. */
    public String uri() {
        return uri;
    }

    /** API key for a remote server, if any. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** Where a JDBC backend keeps artifact files; {@code local:} stores always use {@code PATH/artifacts}. */
    public Optional<Path> artifactRoot() {
        return Optional.ofNullable(artifactRoot);
    }

    /** Longest time a logged metric waits in memory before it is written. Default 200 ms. */
    public Duration metricFlushInterval() {
        return metricFlushInterval;
    }

    /** Buffered metric points that trigger a write. Default 10,000. */
    public int metricBatchSize() {
        return metricBatchSize;
    }

    /** Database connections (or HTTP connections) to keep. Default 8. */
    public int poolSize() {
        return poolSize;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Backend-specific settings, e.g. {@code jdbc.user}. */
    /**
     * How many training jobs this process runs at once on its in-process worker (embedded backends); 0 runs none,
     * for a process that only submits while separate worker processes train. Default 1.
     */
    public int trainingWorkers() {
        return trainingWorkers;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.uri = uri;
        b.apiKey = apiKey;
        b.artifactRoot = artifactRoot;
        b.metricFlushInterval = metricFlushInterval;
        b.metricBatchSize = metricBatchSize;
        b.poolSize = poolSize;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.trainingWorkers = trainingWorkers;
        b.properties.putAll(properties);
        return b;
    }

    @Override
    public String toString() {
        return "AiDosConfig{uri=" + uri + ", apiKey=" + (apiKey == null ? "none" : "****")
                + ", artifactRoot=" + artifactRoot + ", poolSize=" + poolSize + "}";
    }

    /** Validates each setter; {@link #build()} requires a URI. */
    public static final class Builder {
        private String uri;
        private String apiKey;
        private Path artifactRoot;
        private Duration metricFlushInterval = Duration.ofMillis(200);
        private int metricBatchSize = 10_000;
        private int poolSize = 8;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int trainingWorkers = 1;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder uri(String uri) {
            if (uri == null || uri.isBlank()) {
                throw new InvalidInputException("uri", uri, "must not be blank");
            }
            this.uri = uri.trim();
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
            return this;
        }

        public Builder artifactRoot(Path artifactRoot) {
            this.artifactRoot = Objects.requireNonNull(artifactRoot, "artifactRoot");
            return this;
        }

        public Builder metricFlushInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero() || interval.toMinutes() > 10) {
                throw new InvalidInputException("metricFlushInterval", interval, "must be between 1 ms and 10 minutes");
            }
            this.metricFlushInterval = interval;
            return this;
        }

        public Builder metricBatchSize(int size) {
            if (size < 1 || size > 1_000_000) {
                throw new InvalidInputException("metricBatchSize", size, "must be between 1 and 1000000");
            }
            this.metricBatchSize = size;
            return this;
        }

        public Builder poolSize(int size) {
            if (size < 1 || size > 1000) {
                throw new InvalidInputException("poolSize", size, "must be between 1 and 1000");
            }
            this.poolSize = size;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive("connectTimeout", timeout);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive("requestTimeout", timeout);
            return this;
        }

        /** See {@link AiDosConfig#trainingWorkers()}; 0 to 64. */
        public Builder trainingWorkers(int jobsAtOnce) {
            if (jobsAtOnce < 0 || jobsAtOnce > 64) {
                throw new InvalidInputException("trainingWorkers", jobsAtOnce, "must be between 0 and 64");
            }
            this.trainingWorkers = jobsAtOnce;
            return this;
        }

        public Builder property(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new InvalidInputException("property key", key, "must not be blank");
            }
            if (value == null) {
                properties.remove(key);
            } else {
                properties.put(key, value);
            }
            return this;
        }

        public AiDosConfig build() {
            if (uri == null) {
                throw new InvalidInputException("uri", null, "is required");
            }
            return new AiDosConfig(this);
        }

        private static Duration requirePositive(String field, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new InvalidInputException(field, d, "must be a positive duration");
            }
            return d;
        }
    }
}
