package io.aidos.core.internal.tracking;

import io.aidos.api.MetricPoint;
import io.aidos.core.internal.store.Database;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Metric points stored packed: one {@code metric_chunks} row per run, key and write batch, holding
 * (step, timestamp, value) as 24 big-endian bytes per point in logging order. A row per point made the database,
 * not AI-DOS, the limit on logging speed and on reading long histories.
 */
public final class MetricChunks {
    /** Points per row at most; a larger batch for one key is split. */
    public static final int MAX_POINTS = 50_000;
    static final int BYTES_PER_POINT = 24;
    public static final String INSERT = "INSERT INTO metric_chunks (run_id, metric_key, point_count, min_step,"
            + " max_step, points) VALUES (?, ?, ?, ?, ?, ?)";

    private MetricChunks() {
    }

    /** Writes a batch as one row per key (split at {@link #MAX_POINTS}), in one JDBC batch. */
    static void insert(Connection c, MetricBatch b, KeyGroups groups) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            forEachChunk(b, groups, (key, count, min, max, points) -> {
                bind(ps, b.runId(), key, count, min, max, points);
                ps.addBatch();
            });
            ps.executeBatch();
        }
    }

    /** Receives one packed chunk. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(String key, int count, long minStep, long maxStep, byte[] points) throws SQLException;
    }

    /** Packs each key's points, at most {@link #MAX_POINTS} per chunk, in logging order. */
    static void forEachChunk(MetricBatch b, KeyGroups groups, ChunkSink sink) throws SQLException {
        for (int g = 0; g < groups.count(); g++) {
            int[] idx = groups.members(g);
            int size = groups.size(g);
            for (int from = 0; from < size; from += MAX_POINTS) {
                int to = Math.min(size, from + MAX_POINTS);
                ByteBuffer buf = ByteBuffer.allocate((to - from) * BYTES_PER_POINT);
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int k = from; k < to; k++) {
                    int i = idx[k];
                    long step = b.steps()[i];
                    buf.putLong(step).putLong(b.timestamps()[i]).putDouble(b.values()[i]);
                    min = Math.min(min, step);
                    max = Math.max(max, step);
                }
                sink.accept(groups.key(g), to - from, min, max, buf.array());
            }
        }
    }

    public static void bind(PreparedStatement ps, String runId, String key, int count, long minStep, long maxStep,
                            byte[] points) throws SQLException {
        ps.setString(1, runId);
        ps.setString(2, key);
        ps.setInt(3, count);
        ps.setLong(4, minStep);
        ps.setLong(5, maxStep);
        ps.setBytes(6, points);
    }

    /** All points of one metric ordered by step, then time, then logging order. */
    static List<MetricPoint> history(Database db, String runId, String key) {
        List<MetricPoint> out = new ArrayList<>();
        db.withConnection("read metric history", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT points FROM metric_chunks WHERE run_id = ?"
                    + " AND metric_key = ? ORDER BY id")) {
                ps.setString(1, runId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ByteBuffer buf = ByteBuffer.wrap(rs.getBytes(1));
                        while (buf.hasRemaining()) {
                            long step = buf.getLong();
                            long ts = buf.getLong();
                            out.add(new MetricPoint(key, buf.getDouble(), step, Instant.ofEpochMilli(ts)));
                        }
                    }
                }
            }
            return null;
        });
        // Stable: equal step and time keep logging order. Near-linear on the usual already-sorted input.
        out.sort(Comparator.comparingLong(MetricPoint::step).thenComparing(MetricPoint::timestamp));
        return out;
    }
}
