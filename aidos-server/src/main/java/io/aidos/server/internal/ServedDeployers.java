package io.aidos.server.internal;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosException;
import io.aidos.api.Deployer;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentStatus;
import io.aidos.core.internal.LocalAiDos;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployers this server has opened, one per organization (each organization's deployments are its own: its
 * view's deployer, with its own inference endpoint). The health check sums them up; {@link #restore} opens, at
 * start, the deployers of the organizations whose deployments were running, so those serve again.
 */
public final class ServedDeployers {
    private static final Logger LOG = LoggerFactory.getLogger(ServedDeployers.class);
    private final AiDos root;
    private final Map<String, Deployer> opened = new ConcurrentHashMap<>();

    public ServedDeployers(AiDos root) {
        this.root = root;
    }

    /** The deployer of the request's organization (opened, and its deployments restored, on first use). */
    Deployer of(Context ctx, AiDos scoped) {
        Deployer d = scoped.deployer();
        opened.put(Tenancy.organization(ctx), d);
        return d;
    }

    /**
     * Opens the deployer of every organization with a deployment stored as running, which starts those
     * deployments again. A deployer that fails to open is logged and skipped: the server still starts.
     */
    public void restore() {
        if (!(root instanceof LocalAiDos local)) {
            return;
        }
        List<String> orgs;
        try {
            orgs = local.database().query("find organizations with running deployments",
                    "SELECT DISTINCT org_id FROM deployments WHERE status = ? ORDER BY org_id", rs -> rs.getString(1),
                    DeploymentStatus.RUNNING.name());
        } catch (AiDosException e) {
            LOG.warn("stored deployments were not restarted: {}", e.getMessage());
            return;
        }
        for (String org : orgs) {
            try {
                opened.put(org, local.forOrganization(org).deployer());
            } catch (AiDosException | IllegalStateException e) {
                LOG.warn("the deployments of organization {} were not restarted: {}", org, e.getMessage());
            }
        }
    }

    /**
     * For the health check, which needs no key: how many deployments run and how many are ready, over every
     * organization; no names, which are each organization's own ({@code GET /api/v1/deployments} lists them).
     */
    Map<String, Object> health() {
        int count = 0;
        int ready = 0;
        for (Deployer d : opened.values()) {
            try {
                for (Deployment each : d.list()) {
                    count++;
                    ready += DeploymentViews.ready(each) ? 1 : 0;
                }
            } catch (RuntimeException e) {
                LOG.debug("a deployer did not answer the health check: {}", e.toString());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("ready", ready);
        return m;
    }
}
