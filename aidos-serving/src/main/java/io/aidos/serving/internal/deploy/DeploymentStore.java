package io.aidos.serving.internal.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.AiDosException;
import io.aidos.api.Autoscaling;
import io.aidos.api.Batching;
import io.aidos.api.DeploymentSpec;
import io.aidos.api.DeploymentStatus;
import io.aidos.api.RollbackPolicy;
import io.aidos.api.VariantRole;
import io.aidos.core.internal.store.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code deployments} table of one organization: specs and traffic plans as JSON, rewritten on every change.
 * Durations are kept in nanoseconds, so a sub-millisecond limit comes back as it was set.
 */
final class DeploymentStore {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final String orgId;

    DeploymentStore(Database db, String orgId) {
        this.db = db;
        this.orgId = orgId;
    }

    /** Writes {@code d} as RUNNING, replacing a stopped deployment of the same name. */
    void save(StoredDeployment d) {
        String spec = specJson(d.spec());
        String plan = planJson(d.variants());
        long now = System.currentTimeMillis();
        db.inTransaction("save deployment", c -> {
            int updated = Database.update(c, "UPDATE deployments SET spec = ?, plan = ?, status = ?, last_event = ?,"
                    + " updated_at = ? WHERE org_id = ? AND name = ?", spec, plan, DeploymentStatus.RUNNING.name(),
                    d.lastEvent(), now, orgId, d.spec().name());
            if (updated == 0) {
                Database.update(c, "INSERT INTO deployments (org_id, name, spec, plan, status, last_event, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orgId, d.spec().name(), spec, plan,
                        DeploymentStatus.RUNNING.name(), d.lastEvent(), now, now);
            }
            return null;
        });
    }

    void markStopped(String name) {
        db.update("stop deployment", "UPDATE deployments SET status = ?, updated_at = ? WHERE org_id = ? AND name = ?",
                DeploymentStatus.STOPPED.name(), System.currentTimeMillis(), orgId, name);
    }

    /**
     * The deployments to start again: those RUNNING when their deployer last closed. A row that cannot be read is
     * logged and left in the table, so the others still start and the row is there to mend.
     */
    List<StoredDeployment> running() {
        List<StoredDeployment> readable = db.query("list deployments", "SELECT name, spec, plan, last_event FROM"
                + " deployments WHERE org_id = ? AND status = ? ORDER BY name", rs -> {
                    try {
                        return read(rs.getString(2), rs.getString(3), rs.getString(4));
                    } catch (AiDosException e) {
                        LOG.warn("deployment {} could not be restarted: {}", rs.getString(1), e.getMessage());
                        return null;
                    }
                }, orgId, DeploymentStatus.RUNNING.name());
        return readable.stream().filter(Objects::nonNull).toList();
    }

    static String specJson(DeploymentSpec s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", s.name()).put("model", s.model()).put("version", s.version()).put("replicas", s.replicas())
                .put("maxConcurrency", s.maxConcurrency()).put("queueCapacity", s.queueCapacity());
        Autoscaling a = s.autoscaling();
        n.putObject("autoscaling").put("min", a.min()).put("max", a.max()).put("target", a.targetConcurrency())
                .put("stableNanos", a.stableWindow().toNanos()).put("panicNanos", a.panicWindow().toNanos())
                .put("scaleDownDelayNanos", a.scaleDownDelay().toNanos());
        n.putObject("batching").put("maxBatchSize", s.batching().maxBatchSize())
                .put("maxDelayNanos", s.batching().maxDelay().toNanos());
        RollbackPolicy r = s.rollback();
        n.putObject("rollback").put("maxErrorRate", r.maxErrorRate()).put("maxP99Nanos", r.maxP99().toNanos())
                .put("minRequests", r.minRequests()).put("windowNanos", r.window().toNanos());
        return n.toString();
    }

    static String planJson(List<StoredDeployment.StoredVariant> variants) {
        ArrayNode list = JSON.createArrayNode();
        for (StoredDeployment.StoredVariant v : variants) {
            list.addObject().put("model", v.model()).put("version", v.version()).put("role", v.role().name())
                    .put("percent", v.percent());
        }
        ObjectNode n = JSON.createObjectNode();
        n.set("variants", list);
        return n.toString();
    }

    static StoredDeployment read(String specJson, String planJson, String lastEvent) {
        try {
            JsonNode s = JSON.readTree(specJson);
            JsonNode a = s.get("autoscaling");
            Autoscaling scaling = new Autoscaling(a.get("min").asInt(), a.get("max").asInt(), a.get("target").asInt(),
                    duration(a, "stable"), duration(a, "panic"), duration(a, "scaleDownDelay"));
            JsonNode b = s.get("batching");
            Batching batching = new Batching(b.get("maxBatchSize").asInt(), duration(b, "maxDelay"));
            JsonNode r = s.get("rollback");
            RollbackPolicy rollback = new RollbackPolicy(r.get("maxErrorRate").asDouble(), duration(r, "maxP99"),
                    r.get("minRequests").asInt(), duration(r, "window"));
            DeploymentSpec spec = new DeploymentSpec(s.get("name").asText(), s.get("model").asText(),
                    s.get("version").asText(), s.get("replicas").asInt(), scaling, s.get("maxConcurrency").asInt(),
                    s.get("queueCapacity").asInt(), batching, rollback);
            List<StoredDeployment.StoredVariant> variants = new ArrayList<>();
            for (JsonNode v : JSON.readTree(planJson).get("variants")) {
                variants.add(new StoredDeployment.StoredVariant(v.get("model").asText(), v.get("version").asInt(),
                        VariantRole.valueOf(v.get("role").asText()), v.get("percent").asInt()));
            }
            return new StoredDeployment(spec, variants, lastEvent);
        } catch (IOException | RuntimeException e) {
            throw new AiDosException("a stored deployment could not be read: " + e.getMessage(), e);
        }
    }

    /** {@code <key>Nanos}, or the {@code Micros}/{@code Millis} key that rows written before 2026-12-06 have. */
    private static Duration duration(JsonNode parent, String key) {
        if (parent.has(key + "Nanos")) {
            return Duration.ofNanos(parent.get(key + "Nanos").asLong());
        }
        if (parent.has(key + "Micros")) {
            return Duration.ofNanos(parent.get(key + "Micros").asLong() * 1000);
        }
        return Duration.ofMillis(parent.get(key + "Millis").asLong());
    }
}
