package io.aidos.core;

import io.aidos.api.AiDosConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests use, in this order: {@code AIDOS_TEST_POSTGRES_URL}, else 127.0.0.1:5432 database
 * test user postgres when reachable, else a Testcontainers PostgreSQL when a Docker engine is available. Without
 * any, tests skip with a message — except on CI ({@code CI=true}), where they fail, so the suite can never pass
 * there without having run on PostgreSQL.
 */
public final class TestPostgres {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static String url;
    private static boolean resolved;

    private TestPostgres() {
    }

    /** The JDBC URL (with '?' parameters), or null when no PostgreSQL can be had. */
    public static synchronized String url() {
        if (!resolved) {
            resolved = true;
            String configured = System.getenv("AIDOS_TEST_POSTGRES_URL");
            if (configured != null) {
                url = configured;
            } else if (reachable(LOCAL)) {
                url = LOCAL;
            } else if (DockerClientFactory.instance().isDockerAvailable()) {
                url = startContainer();
            }
        }
        return url;
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the test JVM exits
    private static String startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        String jdbc = container.getJdbcUrl();
        return jdbc + (jdbc.contains("?") ? "&" : "?") + "user=" + container.getUsername() + "&password="
                + container.getPassword();
    }

    private static boolean reachable(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public static void assumeAvailable() {
        boolean up = url() != null;
        if (!up && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("no PostgreSQL at " + LOCAL + " and no Docker engine, and CI must run the"
                    + " PostgreSQL tests (start it: pg_ctlcluster --skip-systemctl-redirect 15 main start)");
        }
        String skip = "no PostgreSQL at " + LOCAL + " and no Docker engine for Testcontainers: skipping PostgreSQL tests";
        if (!up) {
            System.err.println("[aidos] " + skip); // Surefire's summary shows a skipped class only as 0 tests run
        }
        Assumptions.assumeTrue(up, skip);
    }

    /** A config for an empty store in a new schema; artifacts under {@code tempDir}. */
    public static AiDosConfig freshStore(Path tempDir) {
        String schema = "aidos_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return AiDosConfig.builder().uri(url() + "&currentSchema=" + schema)
                .artifactRoot(tempDir.resolve("artifacts")).build();
    }

    public static void dropSchemaOf(AiDosConfig config) {
        String uri = config.uri();
        int at = uri.indexOf("currentSchema=");
        if (at < 0) {
            return;
        }
        String schema = uri.substring(at + "currentSchema=".length()).replaceAll("[^a-z0-9_].*", "");
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
