package io.aidos.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code aidos.*} properties; the defaults are those of {@code AiDosConfig}. */
@ConfigurationProperties(prefix = "aidos")
public class AidosProperties {
    /**
     * Where AI-DOS keeps its data: local:PATH (embedded), jdbc:postgresql://... (shared PostgreSQL) or
     * http(s)://host:port (a remote AI-DOS server; needs io.aidos:aidos-client).
     */
    private String uri = "local:./aidos-data";
    /** API key for a remote server (sent as a bearer token). Never logged. */
    private String apiKey;
    /** Artifact folder for jdbc: stores (local: stores keep artifacts in their folder). */
    private Path artifactRoot;
    /** Connection timeout for remote servers. */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Request timeout for remote servers. */
    private Duration requestTimeout = Duration.ofSeconds(60);
    /** Database connections (embedded backends) or HTTP connections (remote) to pool. */
    private int poolSize = 8;
    /** Metric points written per batch. */
    private int metricBatchSize = 10_000;
    /** How long logged metrics may wait before they are written. */
    private Duration metricFlushInterval = Duration.ofMillis(200);
    /** Training jobs this application runs at once on its in-process worker; 0 to only submit. */
    private int trainingWorkers = 1;
    /**
     * Backend properties, passed on as they are (AiDosConfig.property): serving.port, serving.host,
     * serving.tls.keystore and serving.tls.password for deployments' HTTP, tls.truststore for a remote server, and so on.
     * Their values are never shown by toString.
     */
    private Map<String, String> properties = new LinkedHashMap<>();

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Path getArtifactRoot() {
        return artifactRoot;
    }

    public void setArtifactRoot(Path artifactRoot) {
        this.artifactRoot = artifactRoot;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public int getMetricBatchSize() {
        return metricBatchSize;
    }

    public void setMetricBatchSize(int metricBatchSize) {
        this.metricBatchSize = metricBatchSize;
    }

    public Duration getMetricFlushInterval() {
        return metricFlushInterval;
    }

    public void setMetricFlushInterval(Duration metricFlushInterval) {
        this.metricFlushInterval = metricFlushInterval;
    }

    public int getTrainingWorkers() {
        return trainingWorkers;
    }

    public void setTrainingWorkers(int trainingWorkers) {
        this.trainingWorkers = trainingWorkers;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    @Override
    public String toString() {
        return "AidosProperties{uri=" + uri + ", apiKey=" + (apiKey == null ? "none" : "****") + ", properties="
                + properties.keySet() + "}";
    }
}
