package io.aidos.core.internal.tracking;

import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Dialect;
import io.aidos.core.internal.store.Upserts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps {@code latest_metrics} at each key's highest (step, timestamp) point; a later point wins a tie. On
 * PostgreSQL one batched conditional upsert (one round trip per write); on H2, in-process, plain statements.
 */
final class LatestMetrics {
    private static final String POSTGRES_UPSERT = "INSERT INTO latest_metrics AS l (run_id, metric_key, step, ts,"
            + " metric_value) VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, metric_key) DO UPDATE SET step = EXCLUDED.step,"
            + " ts = EXCLUDED.ts, metric_value = EXCLUDED.metric_value WHERE l.step < EXCLUDED.step"
            + " OR (l.step = EXCLUDED.step AND l.ts <= EXCLUDED.ts)";

    private LatestMetrics() {
    }

    static void update(Connection c, Dialect dialect, MetricBatch b, KeyGroups groups) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            try (PreparedStatement ps = c.prepareStatement(POSTGRES_UPSERT)) {
                for (int g = 0; g < groups.count(); g++) {
                    int i = latest(b, groups, g);
                    Database.bind(ps, b.runId(), groups.key(g), b.steps()[i], b.timestamps()[i], b.values()[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return;
        }
        for (int g = 0; g < groups.count(); g++) {
            int i = latest(b, groups, g);
            long step = b.steps()[i];
            long ts = b.timestamps()[i];
            Upserts.upsert(c,
                    "UPDATE latest_metrics SET step = ?, ts = ?, metric_value = ? WHERE run_id = ? AND metric_key = ?"
                            + " AND (step < ? OR (step = ? AND ts <= ?))",
                    new Object[] {step, ts, b.values()[i], b.runId(), groups.key(g), step, step, ts},
                    "INSERT INTO latest_metrics (run_id, metric_key, step, ts, metric_value) VALUES (?, ?, ?, ?, ?)",
                    new Object[] {b.runId(), groups.key(g), step, ts, b.values()[i]});
        }
    }

    /** Index of the group's latest point. */
    private static int latest(MetricBatch b, KeyGroups groups, int g) {
        int[] idx = groups.members(g);
        int best = idx[0];
        for (int k = 1; k < groups.size(g); k++) {
            int i = idx[k];
            if (b.steps()[i] > b.steps()[best] || b.steps()[i] == b.steps()[best]
                    && b.timestamps()[i] >= b.timestamps()[best]) {
                best = i;
            }
        }
        return best;
    }
}
