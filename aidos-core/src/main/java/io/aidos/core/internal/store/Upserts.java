package io.aidos.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Insert-or-update that works the same on H2 (PostgreSQL mode) and PostgreSQL, and under races between
 * processes: try the UPDATE, else INSERT ... ON CONFLICT DO NOTHING, and if a racing writer inserted first,
 * UPDATE again. Never raises a unique violation, which would abort a PostgreSQL transaction.
 */
public final class Upserts {
    private Upserts() {
    }

    public static void upsert(Connection c, String updateSql, Object[] updateParams, String insertSql, Object[] insertParams)
            throws SQLException {
        if (Database.update(c, updateSql, updateParams) > 0) {
            return;
        }
        if (Database.update(c, insertSql + " ON CONFLICT DO NOTHING", insertParams) > 0) {
            return;
        }
        Database.update(c, updateSql, updateParams);
    }
}
