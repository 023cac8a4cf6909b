package io.aidos.core.internal.tracking;

import io.aidos.core.internal.store.Database;
import java.util.LinkedHashMap;
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
}
