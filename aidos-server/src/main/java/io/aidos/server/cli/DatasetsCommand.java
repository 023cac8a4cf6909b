package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.ColumnStats;
import io.aidos.api.Dataset;
import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code aidos datasets import|list|show}. */
@Command(name = "datasets", description = "Import, list and inspect datasets.",
        subcommands = {DatasetsCommand.Import.class, DatasetsCommand.ListAll.class, DatasetsCommand.Show.class})
final class DatasetsCommand {

    @Command(name = "import", description = "Import a CSV or JSON Lines file as a new version of a dataset.")
    static final class Import implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(index = "0", description = "Dataset name.")
        String name;
        @Parameters(index = "1", description = "The file: .csv, or .jsonl / .ndjson for JSON Lines.")
        Path file;
        @Option(names = {"-m", "--message"}, defaultValue = "imported with the aidos command line")
        String message;
        @Option(names = "--description", description = "Description, for a new dataset.")
        String description;

        @Override
        public void run() {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("file", file, "is not a readable file");
            }
            boolean json = connection.output == Output.Format.json;
            Progress progress = new Progress(spec.commandLine().getErr(), !json);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "aidos-cli-progress");
                t.setDaemon(true);
                return t;
            });
            try (AiDos aidos = connection.open()) {
                DatasetDraft draft = aidos.datasets().exists(name) ? aidos.datasets().get(name).newVersion()
                        : aidos.datasets().create(name);
                if (description != null) {
                    draft.description(description);
                }
                String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
                draft = lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? draft.fromJsonLines(file)
                        : draft.fromCsv(file);
                ticker.scheduleAtFixedRate(() -> progress.showElapsed("importing " + file.getFileName()), 0, 200,
                        TimeUnit.MILLISECONDS);
                DatasetVersion v = draft.commit(message);
                stop(ticker);
                progress.done();
                print(spec, connection, v);
            } finally {
                stop(ticker);
            }
        }

        private static void stop(ScheduledExecutorService ticker) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS); // a tick in flight must not print after the result
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Command(name = "list", description = "List datasets with their latest version.")
    static final class ListAll implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                List<DatasetVersion> latest = aidos.datasets().list().stream().map(Dataset::latest).toList();
                Output.list(spec.commandLine().getOut(), connection.output, latest, DatasetsCommand::summary,
                        List.of("NAME", "VERSION", "ROWS", "COLUMNS", "CREATED"), v -> List.of(v.datasetName(),
                                String.valueOf(v.version()), String.valueOf(v.rowCount()),
                                String.valueOf(v.schema().size()), v.createdAt().toString()));
            }
        }
    }

    @Command(name = "show", description = "Show a dataset version's schema and column statistics.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(index = "0", description = "Dataset name.")
        String name;
        @Option(names = "--version", description = "Version number (default: the latest).")
        Integer version;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                Dataset d = aidos.datasets().get(name);
                DatasetVersion v = version == null ? d.latest() : d.version(version);
                if (connection.output == Output.Format.json) {
                    Map<String, Object> doc = summary(v);
                    doc.put("stats", v.stats());
                    Output.json(spec.commandLine().getOut(), doc);
                    return;
                }
                var out = spec.commandLine().getOut();
                out.printf("%s v%d: %d rows, %d columns, sha256 %s%n", v.datasetName(), v.version(), v.rowCount(),
                        v.schema().size(), v.contentHash());
                List<List<String>> rows = new ArrayList<>();
                for (ColumnStats s : v.stats()) {
                    rows.add(List.of(s.name(), s.type().name(), String.valueOf(s.nulls()), String.valueOf(s.distinct()),
                            String.valueOf(s.min()), String.valueOf(s.max()),
                            s.mean() == null ? "" : String.format("%.4f", s.mean())));
                }
                Output.table(out, List.of("COLUMN", "TYPE", "NULLS", "DISTINCT", "MIN", "MAX", "MEAN"), rows);
            }
        }
    }

    static Map<String, Object> summary(DatasetVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.datasetName());
        m.put("version", v.version());
        m.put("rows", v.rowCount());
        m.put("columns", v.schema().names());
        m.put("content_hash", v.contentHash());
        m.put("created_at", v.createdAt());
        return m;
    }

    static void print(CommandSpec spec, Connection connection, DatasetVersion v) {
        if (connection.output == Output.Format.json) {
            Output.json(spec.commandLine().getOut(), summary(v));
        } else {
            spec.commandLine().getOut().printf("Imported %s v%d: %d rows, %d columns, sha256 %s%n", v.datasetName(),
                    v.version(), v.rowCount(), v.schema().size(), v.contentHash());
        }
    }
}
