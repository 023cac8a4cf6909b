package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Identity and access: users, organizations, teams, tokens, API keys, MFA, OIDC logins and the audit log
 * (the shared DDL is {@code db/identity/V7__identity.sql}), plus what differs by database: a trigger that makes
 * {@code audit_log} append-only, in PL/pgSQL on PostgreSQL and as a Java trigger on H2.
 */
public class V7__Identity extends BaseJavaMigration {
    private static final String PG_GUARD = """
            CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
            END
            $$""";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            for (String sql : statements("db/identity/V7__identity.sql")) {
                s.execute(sql);
            }
            if (postgres) {
                s.execute(PG_GUARD);
                s.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
                        + " FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()");
                s.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()");
            } else {
                s.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW"
                        + " CALL 'io.aidos.core.internal.identity.AuditLogGuard'");
            }
        }
    }

    /** The script's statements: comment lines dropped, split at semicolons that end a line. */
    static List<String> statements(String resource) throws IOException {
        String script;
        try (InputStream in = V7__Identity.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing migration script " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
