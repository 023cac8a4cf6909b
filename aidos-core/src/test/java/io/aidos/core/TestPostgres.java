package io.aidos.core;

import io.aidos.api.AiDosConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests use: {@code AIDOS_TEST_POSTGRES_URL} or 127.0.0.1:5432, database test, user postgres.
 * Tests skip with a message when it is unreachable; CI ({@code CI=true}) fails instead, so the suite can never
 * pass there without having run on PostgreSQL.
 */
public final class TestPostgres {
    public static final String URL = System.getenv().getOrDefault("AIDOS_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestPostgres() {
    }

    public static boolean available() {
        try (Connection c = DriverManager.getConnection(URL)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public static void assumeAvailable() {
        boolean up = available();
        if (!up && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL at " + URL + " is not reachable, and CI must run the"
                    + " PostgreSQL tests (start it: pg_ctlcluster --skip-systemctl-redirect 15 main start)");
        }
        Assumptions.assumeTrue(up, "PostgreSQL at " + URL + " is not reachable: skipping PostgreSQL tests");
    }

    /** A config for an empty store in a new schema; artifacts under {@code tempDir}. */
    public static AiDosConfig freshStore(Path tempDir) {
        String schema = "aidos_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return AiDosConfig.builder().uri(URL + "&currentSchema=" + schema)
                .artifactRoot(tempDir.resolve("artifacts")).build();
    }

    public static void dropSchemaOf(AiDosConfig config) {
        String uri = config.uri();
        int at = uri.indexOf("currentSchema=");
        if (at < 0) {
            return;
        }
        String schema = uri.substring(at + "currentSchema=".length()).replaceAll("[^a-z0-9_].*", "");
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
