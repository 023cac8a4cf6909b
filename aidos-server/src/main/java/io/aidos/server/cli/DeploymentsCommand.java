package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.Variant;
import io.aidos.server.internal.DeploymentViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** {@code aidos deployments list|show|stats|stop|canary|promote|rollback}. */
@Command(name = "deployments", description = "List, inspect, roll out and stop deployments.",
        subcommands = {DeploymentsCommand.ListAll.class, DeploymentsCommand.Show.class, DeploymentStatsCommand.class,
                DeploymentsCommand.Stop.class, DeploymentsCommand.Canary.class, DeploymentsCommand.Promote.class,
                DeploymentsCommand.Rollback.class})
final class DeploymentsCommand {

    @Command(name = "list", description = "Running deployments: status, readiness, variants, endpoint.")
    static final class ListAll implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                Output.list(spec.commandLine().getOut(), connection.output, aidos.deployer().list(),
                        DeploymentViews::deployment, List.of("NAME", "STATUS", "READY", "VARIANTS", "ENDPOINT"),
                        d -> List.of(d.name(), d.status().name(), DeploymentViews.ready(d) ? "yes" : "no",
                                variants(d.variants()), d.endpoint().toString()));
            }
        }
    }

    /** A command on one deployment: its name, and what to do with it before it is printed. */
    abstract static class OnOne implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(description = "Deployment name.")
        String name;

        abstract Deployment apply(Deployment d);

        /** Prints the deployment after {@link #apply}. */
        void show(Deployment d) {
            print(spec, connection, d);
        }

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                show(apply(aidos.deployer().get(name)));
            }
        }
    }

    @Command(name = "show", description = "A deployment: status, endpoint, spec, variants.")
    static final class Show extends OnOne {
        @Override
        Deployment apply(Deployment d) {
            return d;
        }
    }

    @Command(name = "stop", description = "Stop a deployment; requests in flight finish first.")
    static final class Stop extends OnOne {
        @Override
        Deployment apply(Deployment d) {
            d.stop();
            return d;
        }

        @Override
        void show(Deployment d) {
            if (connection.output == Output.Format.json) {
                super.show(d);
            } else {
                spec.commandLine().getOut().println("Stopped " + d.name());
            }
        }
    }

    @Command(name = "canary", description = "Send --percent of traffic to --model at --version.")
    static final class Canary extends OnOne {
        @Option(names = "--model", required = true)
        String model;
        @Option(names = "--version", required = true, description = "Version number or alias.")
        String version;
        @Option(names = "--percent", required = true, description = "1 to 99.")
        int percent;

        @Override
        Deployment apply(Deployment d) {
            return d.canary(model, version, percent);
        }
    }

    @Command(name = "promote", description = "Make the canary the primary, with all traffic.")
    static final class Promote extends OnOne {
        @Override
        Deployment apply(Deployment d) {
            return d.promote();
        }
    }

    @Command(name = "rollback", description = "Send all traffic back to the primary and stop the canary.")
    static final class Rollback extends OnOne {
        @Override
        Deployment apply(Deployment d) {
            return d.rollback();
        }
    }

    /** {@code d} as JSON (the REST API's view) or as text lines. */
    static void print(CommandSpec spec, Connection connection, Deployment d) {
        PrintWriter out = spec.commandLine().getOut();
        if (connection.output == Output.Format.json) {
            Output.json(out, DeploymentViews.deployment(d));
            return;
        }
        BiConsumer<String, Object> line = (k, v) -> out.printf("%-12s %s%n", k, v);
        line.accept("deployment", d.name());
        line.accept("status", d.status());
        line.accept("ready", DeploymentViews.ready(d) ? "yes" : "no");
        line.accept("endpoint", d.endpoint());
        line.accept("model", d.spec().model() + " at " + d.spec().version());
        line.accept("replicas", d.spec().autoscaling().enabled() ? "autoscaled " + d.spec().autoscaling().min()
                + " to " + d.spec().autoscaling().max() : d.spec().replicas());
        List<List<String>> rows = new ArrayList<>();
        for (Variant v : d.variants()) {
            rows.add(List.of(v.id(), v.role().name(), v.percent() + "%", String.valueOf(v.replicas())));
        }
        Output.table(out, List.of("VARIANT", "ROLE", "TRAFFIC", "REPLICAS"), rows);
    }

    static String variants(List<Variant> variants) {
        return variants.stream().map(v -> v.id() + " " + v.percent() + "%" + (v.role().name().equals("PRIMARY")
                ? "" : " " + v.role().name().toLowerCase(java.util.Locale.ROOT))).collect(Collectors.joining(", "));
    }
}
