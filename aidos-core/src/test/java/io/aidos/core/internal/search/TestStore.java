package io.aidos.core.internal.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the V1 store schema in a test database and fills it with a few runs. */
final class TestStore {
    private TestStore() {
    }

    /** Runs {@code V1__foundation.sql} statement by statement (it has no ';' inside literals). */
    static void migrate(Connection connection) throws SQLException {
        String script;
        try (InputStream in = TestStore.class.getResourceAsStream("/db/migration/V1__foundation.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("--[^\n]*", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    static void experiment(Connection c, long id, String name) throws SQLException {
        insert(c, "INSERT INTO experiments (id, name, lifecycle_stage, created_at, updated_at) VALUES (?, ?, 'active', 0, 0)",
                id, name);
    }

    static void run(Connection c, String runId, long experimentId, String name, String status, long start, Long end,
                    String stage) throws SQLException {
        insert(c, "INSERT INTO runs (run_id, experiment_id, run_name, status, start_time, end_time, lifecycle_stage)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", runId, experimentId, name, status, start, end, stage);
    }

    static void param(Connection c, String runId, String key, String value) throws SQLException {
        insert(c, "INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)", runId, key, value);
    }

    static void tag(Connection c, String runId, String key, String value) throws SQLException {
        insert(c, "INSERT INTO run_tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)", runId, key, value);
    }

    static void metric(Connection c, String runId, String key, double value) throws SQLException {
        insert(c, "INSERT INTO latest_metrics (run_id, metric_key, step, ts, metric_value) VALUES (?, ?, 0, 0, ?)",
                runId, key, value);
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
