package io.aidos.core.internal.search;

import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values to bind to them, in order. The text holds no user input.
 *
 * @param sql    the statement
 * @param params the values for the placeholders, first to last ({@link String}, {@link Long}, {@link Double},
 *               {@link Integer})
 */
public record SqlQuery(String sql, List<Object> params) {
    public SqlQuery {
        params = List.copyOf(params);
    }
}
