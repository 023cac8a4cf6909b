package io.aidos.core.internal.tracking;

import io.aidos.core.internal.store.Upserts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps {@code latest_metrics} at each key's highest (step, timestamp) point; a later point wins a tie. On
 * PostgreSQL the upsert rides in the same statement as the chunk insert (a data-modifying CTE), so a write costs
 * one round trip plus the commit; on H2, in-process, plain statements are as cheap.
 */
final class LatestMetrics {
    private static final String POSTGRES_CHUNK_AND_UPSERT = "WITH chunk AS (" + MetricChunks.INSERT + ")"
            + " INSERT INTO latest_metrics AS l (run_id, metric_key, step, ts, metric_value) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (run_id, metric_key) DO UPDATE SET step = EXCLUDED.step, ts = EXCLUDED.ts,"
            + " metric_value = EXCLUDED.metric_value WHERE l.step < EXCLUDED.step"
            + " OR (l.step = EXCLUDED.step AND l.ts <= EXCLUDED.ts)";

    private LatestMetrics() {
    }

    /** PostgreSQL: each chunk row and its key's latest value in one statement, all in one JDBC batch. */
    static void insertWithChunks(Connection c, MetricBatch b, KeyGroups groups) throws SQLException {
        int[] latest = new int[groups.count()];
        Map<String, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.count(); g++) {
            latest[g] = latest(b, groups, g);
            groupOf.put(groups.key(g), g);
        }
        try (PreparedStatement ps = c.prepareStatement(POSTGRES_CHUNK_AND_UPSERT)) {
            MetricChunks.forEachChunk(b, groups, (key, count, min, max, points) -> {
                MetricChunks.bind(ps, b.runId(), key, count, min, max, points);
                int i = latest[groupOf.get(key)];
                ps.setString(7, b.runId());
                ps.setString(8, key);
                ps.setLong(9, b.steps()[i]);
                ps.setLong(10, b.timestamps()[i]);
                ps.setDouble(11, b.values()[i]);
                ps.addBatch();
            });
            ps.executeBatch();
        }
    }

    /** H2: conditional UPDATE, else INSERT, per key. */
    static void update(Connection c, MetricBatch b, KeyGroups groups) throws SQLException {
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
