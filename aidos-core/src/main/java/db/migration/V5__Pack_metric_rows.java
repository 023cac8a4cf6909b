package db.migration;

import io.aidos.core.internal.tracking.MetricChunks;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves points of stores made before V4 from the row-per-point {@code metrics} table into packed
 * {@code metric_chunks}, in logging order per run and key, then drops the old table.
 */
public class V5__Pack_metric_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement select = c.createStatement();
             ResultSet rs = select.executeQuery("SELECT run_id, metric_key, step, ts, metric_value FROM metrics"
                     + " ORDER BY run_id, metric_key, step, ts");
             PreparedStatement insert = c.prepareStatement(MetricChunks.INSERT)) {
            Chunk chunk = null;
            while (rs.next()) {
                String run = rs.getString(1);
                String key = rs.getString(2);
                if (chunk == null || !chunk.run.equals(run) || !chunk.key.equals(key) || chunk.full()) {
                    if (chunk != null) {
                        chunk.write(insert);
                    }
                    chunk = new Chunk(run, key);
                }
                chunk.add(rs.getLong(3), rs.getLong(4), rs.getDouble(5));
            }
            if (chunk != null) {
                chunk.write(insert);
            }
            insert.executeBatch();
        }
        try (Statement drop = c.createStatement()) {
            drop.execute("DROP TABLE metrics");
        }
    }

    private static final class Chunk {
        final String run;
        final String key;
        final ByteBuffer points = ByteBuffer.allocate(MetricChunks.MAX_POINTS * 24);
        int count;
        long minStep = Long.MAX_VALUE;
        long maxStep = Long.MIN_VALUE;

        Chunk(String run, String key) {
            this.run = run;
            this.key = key;
        }

        boolean full() {
            return count == MetricChunks.MAX_POINTS;
        }

        void add(long step, long ts, double value) {
            points.putLong(step).putLong(ts).putDouble(value);
            count++;
            minStep = Math.min(minStep, step);
            maxStep = Math.max(maxStep, step);
        }

        void write(PreparedStatement insert) throws Exception {
            MetricChunks.bind(insert, run, key, count, minStep, maxStep,
                    java.util.Arrays.copyOf(points.array(), count * 24));
            insert.addBatch();
        }
    }
}
