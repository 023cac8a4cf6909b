package io.aidos.core.internal.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The execution tests on embedded H2, with the settings the store uses. */
class H2RunSearchTest extends RunSearchExecutionTest {
    private static final String URL = "jdbc:h2:mem:search;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    protected Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "sa", "");
    }

    @Override
    protected void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
    }
}
