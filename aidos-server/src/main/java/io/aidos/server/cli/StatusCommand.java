package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosException;
import io.aidos.api.Deployment;
import io.aidos.api.Job;
import io.aidos.api.JobStatus;
import io.aidos.server.internal.DeploymentViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aidos status}: whether the store answers, what it holds, the state of the job queue, and the deployments
 * (count, and each one's name and readiness).
 */
@Command(name = "status", description = "Health of the store, the job queue and the deployments.")
final class StatusCommand implements Runnable {
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;

    @Override
    public void run() {
        Map<String, Object> doc = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (AiDos aidos = connection.open()) {
            doc.put("store", aidos.uri());
            doc.put("datasets", aidos.datasets().list().size());
            doc.put("round_trip_ms", (System.nanoTime() - started) / 1_000_000);
            doc.put("models", aidos.models().list().size());
            try {
                Map<String, Long> jobs = new LinkedHashMap<>();
                for (JobStatus s : JobStatus.values()) {
                    jobs.put(s.name().toLowerCase(java.util.Locale.ROOT), 0L);
                }
                for (Job j : aidos.trainer().jobs(10_000)) {
                    jobs.merge(j.status().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
                }
                doc.put("jobs", jobs);
            } catch (AiDosException e) {
                doc.put("jobs", "unavailable: " + e.getMessage());
            }
            try {
                List<Map<String, Object>> each = new ArrayList<>();
                for (Deployment d : aidos.deployer().list()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", d.name());
                    m.put("ready", DeploymentViews.ready(d));
                    each.add(m);
                }
                Map<String, Object> deployments = new LinkedHashMap<>();
                deployments.put("count", each.size());
                deployments.put("ready", each.stream().filter(m -> (Boolean) m.get("ready")).count());
                deployments.put("deployments", each);
                doc.put("deployments", deployments);
            } catch (AiDosException e) {
                doc.put("deployments", "unavailable: " + e.getMessage());
            }
            doc.put("status", "UP");
        }
        if (connection.output == Output.Format.json) {
            Output.json(spec.commandLine().getOut(), doc);
        } else {
            doc.forEach((k, v) -> spec.commandLine().getOut().printf("%-14s %s%n", k, v));
        }
    }
}
