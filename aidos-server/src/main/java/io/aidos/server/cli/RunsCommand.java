package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code aidos runs list|show}. */
@Command(name = "runs", description = "Search and inspect runs.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class})
final class RunsCommand {

    @Command(name = "list", description = "Runs of an experiment, optionally filtered and ordered (MLflow syntax).")
    static final class ListRuns implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Option(names = {"-e", "--experiment"}, required = true, description = "Experiment name.")
        String experiment;
        @Option(names = "--filter", defaultValue = "", description = "e.g. \"metrics.accuracy > 0.9\".")
        String filter;
        @Option(names = "--order-by", description = "e.g. \"metrics.accuracy DESC\".")
        List<String> orderBy = new ArrayList<>();
        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                List<Run> runs = aidos.experiments().searchRuns(RunQuery.in(experiment).where(filter)
                        .orderBy(orderBy.toArray(String[]::new)).limit(limit));
                Output.list(spec.commandLine().getOut(), connection.output, runs, RunsCommand::describe,
                        List.of("RUN", "NAME", "STATUS", "STARTED", "METRICS"), r -> List.of(r.id(), r.name(),
                                r.status().name(), r.startTime().toString(), String.valueOf(r.metrics())));
            }
        }
    }

    @Command(name = "show", description = "A run's params, metrics, tags and artifacts.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(description = "Run id.")
        String runId;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                Run r = aidos.experiments().getRun(runId);
                Map<String, Object> doc = describe(r);
                if (connection.output == Output.Format.json) {
                    Output.json(spec.commandLine().getOut(), doc);
                    return;
                }
                var out = spec.commandLine().getOut();
                out.printf("Run %s (%s) %s%n", r.name(), r.id(), r.status());
                r.params().forEach((k, v) -> out.printf("  param    %-24s %s%n", k, v));
                r.metrics().forEach((k, v) -> out.printf("  metric   %-24s %.6g%n", k, v));
                r.tags().forEach((k, v) -> out.printf("  tag      %-24s %s%n", k, v));
                r.artifacts().forEach(a -> out.printf("  artifact %-24s %d bytes%n", a.path(), a.sizeBytes()));
            }
        }
    }

    static Map<String, Object> describe(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.id());
        m.put("name", r.name());
        m.put("status", r.status());
        m.put("start_time", r.startTime());
        m.put("end_time", r.endTime());
        m.put("params", r.params());
        m.put("metrics", r.metrics());
        m.put("tags", r.tags());
        m.put("artifacts", r.artifacts());
        return m;
    }
}
