package io.aidos.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection, allowed to throw {@link SQLException}. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
