package io.aidos.core.internal.identity;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's half of the audit log's append-only guard (PostgreSQL has a PL/pgSQL trigger): rejects UPDATE and DELETE. */
public final class AuditLogGuard implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " is not allowed", "42501");
    }
}
