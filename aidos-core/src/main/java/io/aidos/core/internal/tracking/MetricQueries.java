package io.aidos.core.internal.tracking;

import io.aidos.api.MetricPoint;
import io.aidos.core.internal.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of logged metrics. */
final class MetricQueries {
    private MetricQueries() {
    }

    static Map<String, Double> latest(Database db, String runId) {
        Map<String, Double> out = new LinkedHashMap<>();
        db.query("read metrics", "SELECT metric_key, metric_value FROM latest_metrics WHERE run_id = ?"
                + " ORDER BY metric_key", rs -> out.put(rs.getString(1), rs.getDouble(2)), runId);
        return out;
    }

    /** All points of one metric ordered by step then time; streamed with a fetch size for big histories. */
    static List<MetricPoint> history(Database db, String runId, String key) {
        return db.withConnection("read metric history", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT step, ts, metric_value FROM metrics"
                    + " WHERE run_id = ? AND metric_key = ? ORDER BY step, ts")) {
                ps.setFetchSize(10_000);
                ps.setString(1, runId);
                ps.setString(2, key);
                List<MetricPoint> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MetricPoint(key, rs.getDouble(3), rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))));
                    }
                }
                return out;
            }
        });
    }
}
