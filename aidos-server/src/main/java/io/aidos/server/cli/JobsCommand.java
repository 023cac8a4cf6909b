package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.Job;
import io.aidos.api.LogLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code aidos jobs list|logs|cancel}. */
@Command(name = "jobs", description = "List training and tuning jobs, read their logs, cancel them.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Logs.class, JobsCommand.Cancel.class})
final class JobsCommand {

    @Command(name = "list", description = "The newest jobs first.")
    static final class ListJobs implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                Output.list(spec.commandLine().getOut(), connection.output, aidos.trainer().jobs(limit),
                        JobsCommand::describe, List.of("JOB", "KIND", "STATUS", "ATTEMPTS", "CREATED", "ERROR"),
                        j -> List.of(j.id(), j.kind(), j.status().name(), String.valueOf(j.attempts()),
                                j.createdAt().toString(), j.error() == null ? "" : j.error()));
            }
        }
    }

    @Command(name = "logs", description = "A job's log; --follow keeps printing until the job ends.")
    static final class Logs implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(description = "Job id.")
        String jobId;
        @Option(names = {"-f", "--follow"})
        boolean follow;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                Job job = find(aidos, jobId);
                var out = spec.commandLine().getOut();
                if (follow) {
                    try (var lines = job.logs()) {
                        lines.forEach(out::println);
                    }
                } else if (connection.output == Output.Format.json) {
                    Output.json(out, job.logLines(0));
                } else {
                    for (LogLine l : job.logLines(0)) {
                        out.println(l.time() + "  " + l.line());
                    }
                }
            }
        }
    }

    @Command(name = "cancel", description = "Cancel a job: at once if queued, at its next check if running.")
    static final class Cancel implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @Parameters(description = "Job id.")
        String jobId;

        @Override
        public void run() {
            try (AiDos aidos = connection.open()) {
                var status = find(aidos, jobId).cancel();
                if (connection.output == Output.Format.json) {
                    Output.json(spec.commandLine().getOut(), Map.of("job_id", jobId, "status", status));
                } else {
                    spec.commandLine().getOut().println("job " + jobId + ": " + status
                            + (status.isFinal() ? "" : " (stops at its next check)"));
                }
            }
        }
    }

    static Job find(AiDos aidos, String id) {
        try {
            return aidos.trainer().job(id);
        } catch (io.aidos.api.InvalidInputException notTraining) {
            return aidos.trainer().tuningJob(id); // a tuning job, or the same error again
        }
    }

    static Map<String, Object> describe(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", j.id());
        m.put("kind", j.kind());
        m.put("status", j.status());
        m.put("attempts", j.attempts());
        m.put("created_at", j.createdAt());
        m.put("started_at", j.startedAt());
        m.put("finished_at", j.finishedAt());
        m.put("error", j.error());
        return m;
    }
}
