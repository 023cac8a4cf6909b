package io.aidos.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a store made by an older AI-DOS migrates it in place and keeps its data. */
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
        }

        try (AiDos aidos = AiDos.open("local:" + store)) {
            assertThat(aidos.experiments().get("from-v1").name()).isEqualTo("from-v1");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM aidos_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2);
        }
    }
}
