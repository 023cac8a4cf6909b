package io.aidos.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aidos.api.AiDos;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a store made by an older AI-DOS migrates it in place and keeps its data, metric points included. */
class MigrationTest {
    @TempDir
    Path temp;

    @Test
    void anOlderStoreIsMigratedOnOpen() throws Exception {
        Path store = temp.resolve("old");
        String url = "jdbc:h2:file:" + store.toAbsolutePath().resolve("aidos")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration")
                .table("aidos_schema_history").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO experiments (name, lifecycle_stage, created_at, updated_at)"
                    + " VALUES ('from-v1', 'active', 0, 0)");
            s.execute("INSERT INTO runs (run_id, experiment_id, run_name, status, start_time, lifecycle_stage)"
                    + " SELECT '0123456789abcdef0123456789abcdef', id, 'old', 'FINISHED', 0, 'active' FROM experiments");
            // Row-per-point metrics, as V1 stored them, logged out of step order.
            s.execute("INSERT INTO metrics (run_id, metric_key, step, ts, metric_value) VALUES"
                    + " ('0123456789abcdef0123456789abcdef', 'loss', 2, 20, 0.25),"
                    + " ('0123456789abcdef0123456789abcdef', 'loss', 1, 10, 0.5),"
                    + " ('0123456789abcdef0123456789abcdef', 'acc', 1, 10, 0.9)");
        }

        try (AiDos aidos = AiDos.open("local:" + store)) {
            assertThat(aidos.experiments().get("from-v1").name()).isEqualTo("from-v1");
            Run old = aidos.experiments().getRun("0123456789abcdef0123456789abcdef");
            assertThat(old.metricHistory("loss")).extracting(MetricPoint::step, MetricPoint::value)
                    .containsExactly(tuple(1L, 0.5), tuple(2L, 0.25));
            assertThat(old.metricHistory("acc")).extracting(MetricPoint::value).containsExactly(0.9);
        }
        var info = Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration")
                .table("aidos_schema_history").load().info();
        assertThat(info.pending()).as("migrations left pending after open").isEmpty();
        assertThat(info.current().getVersion().getMajor().intValue()).isGreaterThan(1);
    }
}
