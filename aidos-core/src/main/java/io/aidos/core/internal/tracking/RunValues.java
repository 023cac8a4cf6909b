package io.aidos.core.internal.tracking;

import io.aidos.api.MetricPoint;
import io.aidos.api.NotFoundException;
import io.aidos.spi.Arguments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Params, tags and metrics of runs as the MLflow API logs and reads them: metrics are written synchronously (one
 * transaction per call, past the write-behind buffers of {@link io.aidos.api.Run}), and reads include the step
 * and timestamp of each latest metric. Logging needs an active run ({@link RunCatalog#getActive}); every call
 * finds the run through {@link RunCatalog} first, so a run of another organization is not found.
 */
public final class RunValues {
    private final Tracking tracking;
    private final RunCatalog runs;

    public RunValues(LocalExperiments experiments, RunCatalog runs) {
        this.tracking = experiments.tracking();
        this.runs = runs;
    }

    /** Validates and writes metric points (name, value, step, timestamp) in one transaction. */
    public void logMetrics(String runId, List<MetricPoint> points) {
        runs.getActive(runId);
        if (points.isEmpty()) {
            return;
        }
        int n = points.size();
        String[] keys = new String[n];
        double[] values = new double[n];
        long[] steps = new long[n];
        long[] timestamps = new long[n];
        for (int i = 0; i < n; i++) {
            MetricPoint p = points.get(i);
            keys[i] = Arguments.key("metric key", p.name());
            values[i] = p.value();
            steps[i] = p.step();
            timestamps[i] = p.timestamp().toEpochMilli();
        }
        tracking.metrics.writeNow(new MetricBatch(runId, keys, values, steps, timestamps, n));
    }

    /** Logs params; an already logged key with another value is a {@link io.aidos.api.ConflictException}. */
    public void logParams(String runId, Map<String, String> params) {
        runs.getActive(runId);
        params.forEach((k, v) -> {
            Arguments.key("param key", k);
            Arguments.value("param value", v, Arguments.MAX_PARAM_VALUE_LENGTH);
        });
        params.forEach((k, v) -> tracking.runs.logParam(runId, k, v));
    }

    /** Sets (or overwrites) tags. */
    public void setTags(String runId, Map<String, String> tags) {
        runs.getActive(runId);
        tags.forEach(RunValues::checkTag);
        tags.forEach((k, v) -> tracking.runs.setTag(runId, k, v));
    }

    /** Deletes a tag; {@link NotFoundException} if the run has no such tag. */
    public void deleteTag(String runId, String key) {
        runs.getActive(runId);
        if (tracking.db.update("delete tag", "DELETE FROM run_tags WHERE run_id = ? AND tag_key = ?", runId, key) == 0) {
            throw new NotFoundException("tag", key, "run " + runId + " has no tag '" + key + "'");
        }
    }

    public Map<String, String> params(String runId) {
        return params(runs.get(runId));
    }

    /** The params of a run found through {@link RunCatalog} (no second lookup). */
    public Map<String, String> params(StoredRun run) {
        return tracking.runs.params(run.runId());
    }

    public Map<String, String> tags(String runId) {
        return tags(runs.get(runId));
    }

    /** The tags of a run found through {@link RunCatalog} (no second lookup). */
    public Map<String, String> tags(StoredRun run) {
        return tracking.runs.tags(run.runId());
    }

    /** The latest point of each metric (highest step, then latest timestamp), by key. Flushes buffers first. */
    public List<MetricPoint> latestMetrics(String runId) {
        return latestMetrics(runs.get(runId));
    }

    /** As {@link #latestMetrics(String)}, for a run found through {@link RunCatalog}. */
    public List<MetricPoint> latestMetrics(StoredRun run) {
        String runId = run.runId();
        tracking.metrics.flushIfBuffered(runId);
        List<MetricPoint> out = new ArrayList<>();
        tracking.db.query("read metrics", "SELECT metric_key, metric_value, step, ts FROM latest_metrics WHERE"
                + " run_id = ? ORDER BY metric_key", rs -> out.add(new MetricPoint(rs.getString(1), rs.getDouble(2),
                rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)))), runId);
        return out;
    }

    /** All points of one metric, by step then time. Flushes buffers first. */
    public List<MetricPoint> history(String runId, String key) {
        runs.get(runId);
        tracking.metrics.flushIfBuffered(runId);
        return MetricChunks.history(tracking.db, runId, key);
    }

    static void checkTag(String key, String value) {
        Arguments.key("tag key", key);
        Arguments.value("tag value", value, Arguments.MAX_TAG_VALUE_LENGTH);
    }
}
