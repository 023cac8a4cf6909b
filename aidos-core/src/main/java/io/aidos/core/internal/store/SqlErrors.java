package io.aidos.core.internal.store;

import io.aidos.api.AiDosException;
import io.aidos.api.BackendUnavailableException;
import java.sql.SQLException;

/** Translates JDBC failures into the API's exception types. */
public final class SqlErrors {
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private SqlErrors() {
    }

    /** An H2 file store that another process holds open (H2 locks the file). */
    public static boolean isStoreInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    public static AiDosException translate(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
            return new BackendUnavailableException("database unavailable while trying to " + what + ": "
                    + e.getMessage(), e);
        }
        return new AiDosException("database error while trying to " + what + " (SQLSTATE " + state + "): "
                + e.getMessage(), e);
    }
}
