package io.aidos.core.internal.search;

import io.aidos.core.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The execution tests on the tests' PostgreSQL ({@link TestPostgres}: skipped with a message where none can be
 * had, failed on CI), each in a fresh schema dropped afterwards.
 */
class PostgresRunSearchTest extends RunSearchExecutionTest {
    private final String schema = "search_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected Connection open() throws SQLException {
        TestPostgres.assumeAvailable();
        try (Connection admin = DriverManager.getConnection(TestPostgres.url());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return DriverManager.getConnection(TestPostgres.url() + "&currentSchema=" + schema);
    }

    @Override
    protected void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
