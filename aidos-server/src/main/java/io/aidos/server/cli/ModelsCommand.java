package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.ModelVersion;
import io.aidos.api.RegisteredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code aidos models list|show}. */
@Command(name = "models", description = "Registered models, their versions and aliases.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class})
final class ModelsCommand {

    @Command(name = "list")
    static final class ListModels implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                Output.list(spec.commandLine().getOut(), connection.output, aidos.models().list(),
                        ModelsCommand::describe, List.of("MODEL", "LATEST", "ALIASES", "CREATED"),
                        m -> List.of(m.name(), String.valueOf(m.latestVersion().version()),
                                String.valueOf(m.aliases()), m.createdAt().toString()));
            }
        }
    }

    @Command(name = "show", description = "A model's versions (run, artifact) and aliases.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(description = "Model name.")
        String name;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                RegisteredModel m = aidos.models().get(name);
                if (connection.output == Output.Format.json) {
                    Output.json(spec.commandLine().getOut(), describe(m));
                    return;
                }
                List<List<String>> rows = new ArrayList<>();
                for (ModelVersion v : m.versions()) {
                    rows.add(List.of(String.valueOf(v.version()), v.runId(), v.artifactPath(), v.createdAt().toString()));
                }
                spec.commandLine().getOut().println(m.name() + " aliases " + m.aliases());
                Output.table(spec.commandLine().getOut(), List.of("VERSION", "RUN", "ARTIFACT", "CREATED"), rows);
            }
        }
    }

    static Map<String, Object> describe(RegisteredModel m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", m.name());
        doc.put("created_at", m.createdAt());
        doc.put("aliases", m.aliases());
        doc.put("versions", m.versions());
        return doc;
    }
}
