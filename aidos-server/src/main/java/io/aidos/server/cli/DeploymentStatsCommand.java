package io.aidos.server.cli;

import io.aidos.api.Deployment;
import io.aidos.api.DeploymentStats;
import io.aidos.api.VariantStats;
import io.aidos.server.internal.DeploymentViews;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code aidos deployments stats NAME}: requests, errors, rejections and latency, total and per variant. */
@Command(name = "stats", description = "Requests, errors, rejections and latency percentiles per variant.")
final class DeploymentStatsCommand extends DeploymentsCommand.OnOne {
    @Override
    Deployment apply(Deployment d) {
        return d;
    }

    @Override
    void show(Deployment d) {
        DeploymentStats stats = d.stats();
        if (connection.output == Output.Format.json) {
            Output.json(spec.commandLine().getOut(), DeploymentViews.stats(stats));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, VariantStats> e : new TreeMap<>(stats.variants()).entrySet()) {
            rows.add(row(e.getKey(), e.getValue()));
        }
        rows.add(row("total", stats.total()));
        Output.table(spec.commandLine().getOut(), List.of("VARIANT", "REQUESTS", "ERRORS", "REJECTED", "P50_MS",
                "P95_MS", "P99_MS", "IN_FLIGHT", "REPLICAS"), rows);
        if (stats.lastEvent() != null) {
            spec.commandLine().getOut().println("last event: " + stats.lastEvent());
        }
    }

    private static List<String> row(String variant, VariantStats s) {
        return List.of(variant, String.valueOf(s.requests()), String.valueOf(s.errors()),
                String.valueOf(s.rejected()), ms(s.p50()), ms(s.p95()), ms(s.p99()), String.valueOf(s.inFlight()),
                String.valueOf(s.replicas()));
    }

    private static String ms(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
    }
}
