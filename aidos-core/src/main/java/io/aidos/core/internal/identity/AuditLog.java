package io.aidos.core.internal.identity;

import io.aidos.api.PermissionDeniedException;
import io.aidos.core.internal.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log. There is deliberately no update or delete here, and the database refuses them
 * too (a trigger on {@code audit_log}). Reading needs {@code admin} in the organization, or a site admin for
 * all organizations and for events outside any (logins).
 */
public final class AuditLog {
    private final Database db;
    private final Authorizer authorizer;
    private final Clock clock;

    AuditLog(Database db, Authorizer authorizer, Clock clock) {
        this.db = db;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    /** Appends {@code event} with the current time; returns its id. */
    public long append(AuditEvent e) {
        long now = clock.millis();
        return db.withConnection("append to the audit log", c -> {
            try (var ps = c.prepareStatement("INSERT INTO audit_log (ts, actor_kind, actor_id, action, resource_kind,"
                    + " resource_id, org_id, address, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                Database.bind(ps, now, e.actorKind(), cut(e.actorId(), 64), cut(e.action(), 100), cut(e.resourceKind(), 64),
                        cut(e.resourceId(), 250), e.orgId(), cut(e.address(), 64), e.outcome().name(), cut(e.detail(), 2000));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public List<AuditEvent> query(Principal reader, AuditQuery q) {
        if (q.orgId() == null) {
            if (reader == null || !reader.siteAdmin()) {
                throw new PermissionDeniedException((reader == null ? "anonymous caller" : reader.describe())
                        + " may not read the audit log of all organizations");
            }
        } else {
            authorizer.require(reader, Action.ADMIN, q.orgId());
        }
        StringBuilder sql = new StringBuilder("SELECT id, ts, actor_kind, actor_id, action, resource_kind, resource_id,"
                + " org_id, address, outcome, detail FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "org_id = ?", q.orgId());
        filter(sql, params, "actor_id = ?", q.actorId());
        filter(sql, params, "action = ?", q.action());
        filter(sql, params, "ts >= ?", q.from() == null ? null : q.from().toEpochMilli());
        filter(sql, params, "ts < ?", q.to() == null ? null : q.to().toEpochMilli());
        filter(sql, params, "id < ?", q.beforeId());
        sql.append(" ORDER BY id DESC LIMIT ").append(q.limit());
        return db.query("read the audit log", sql.toString(), AuditLog::map, params.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                AuditEvent.Outcome.valueOf(rs.getString(10)), rs.getString(11));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
