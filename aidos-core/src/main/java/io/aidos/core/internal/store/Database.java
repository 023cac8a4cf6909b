package io.aidos.core.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aidos.api.AiDosConfig;
import io.aidos.api.BackendUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The store's connection pool plus small helpers for parameterised SQL. Every statement binds its values;
 * no user input is ever concatenated into SQL. Opening migrates the schema with Flyway.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final StoreLocation location;

    private Database(HikariDataSource pool, StoreLocation location) {
        this.pool = pool;
        this.location = location;
    }

    public static Database open(StoreLocation location, AiDosConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(location.jdbcUrl());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setPoolName("aidos-store");
        hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        hikari.setAutoCommit(true);
        config.properties().forEach((k, v) -> {
            if (k.startsWith("jdbc.")) {
                hikari.addDataSourceProperty(k.substring("jdbc.".length()), v);
            }
        });
        if (location.dialect() == Dialect.POSTGRES) {
            // Turns a JDBC batch of INSERTs into multi-row INSERTs: an order of magnitude for metric logging.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            if (SqlErrors.isStoreInUse(e)) {
                throw new BackendUnavailableException("the store at " + location.localFolder()
                        + " is already open in another process; close that process or use PostgreSQL"
                        + " (jdbc:postgresql://...) to share one store between processes", e);
            }
            throw new BackendUnavailableException("cannot connect to " + StoreLocation.redact(location.jdbcUrl())
                    + ": " + rootMessage(e), e);
        }
        try {
            migrate(pool, location);
        } catch (RuntimeException e) {
            pool.close();
            throw new BackendUnavailableException("cannot migrate the store schema at "
                    + StoreLocation.redact(location.jdbcUrl()) + ": " + rootMessage(e), e);
        }
        return new Database(pool, location);
    }

    private static void migrate(DataSource dataSource, StoreLocation location) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("aidos_schema_history");
        if (location.schema() != null) {
            flyway = flyway.schemas(location.schema()).createSchemas(true);
        }
        flyway.load().migrate();
    }

    public Dialect dialect() {
        return location.dialect();
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. */
    public <T> T withConnection(String what, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    public int update(String what, String sql, Object... params) {
        return withConnection(what, c -> update(c, sql, params));
    }

    public <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(what, c -> query(c, sql, mapper, params));
    }

    public <T> Optional<T> queryOne(String what, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(what, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** The raw pool, for benchmarks that measure the JDBC ceiling on the same database. */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

}
