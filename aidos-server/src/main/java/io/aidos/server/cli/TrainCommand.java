package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.aidos.api.TrainingDraft;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aidos train}: submits a training job and, unless {@code --no-follow}, follows its log with a progress bar
 * and prints the result. On a local store the command runs the job in its own process while following.
 */
@Command(name = "train", description = "Train a model as a job (Tribuo or DJL algorithms; see 'aidos train --help').")
final class TrainCommand implements Runnable {
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;
    @Option(names = {"-d", "--dataset"}, required = true)
    String dataset;
    @Option(names = "--dataset-version", description = "Version number (default: the latest).")
    Integer datasetVersion;
    @Option(names = {"-t", "--target"}, description = "Target column (classification and regression).")
    String target;
    @Option(names = "--task", description = "CLASSIFICATION, REGRESSION, CLUSTERING or ANOMALY_DETECTION"
            + " (default: from the target's type).")
    Task task;
    @Option(names = {"-a", "--algorithm"}, required = true)
    String algorithm;
    @Option(names = {"-p", "--param"}, description = "name=value, repeatable.")
    List<String> params = List.of();
    @Option(names = "--validation-split", defaultValue = "0.2")
    double validationSplit;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = {"-e", "--experiment"}, defaultValue = TrainingDraft.DEFAULT_EXPERIMENT)
    String experiment;
    @Option(names = "--register-as", description = "Register the model under this name.")
    String registerAs;
    @Option(names = "--follow", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Follow the job's log until it ends (default), or --no-follow to only submit.")
    boolean follow;
    @Option(names = "--timeout", defaultValue = "PT2H", description = "How long to wait (ISO-8601, default 2 h).")
    Duration timeout;

    @Override
    public void run() {
        boolean local = connection.server == null;
        try (AiDos aidos = connection.open(local && follow ? 1 : 0)) {
            TrainingDraft draft = aidos.trainer().dataset(dataset).algorithm(algorithm)
                    .validationSplit(validationSplit).seed(seed).experiment(experiment);
            if (datasetVersion != null) {
                draft.dataset(aidos.datasets().get(dataset).version(datasetVersion));
            }
            if (target != null) {
                draft.target(target);
            }
            if (task != null) {
                draft.task(task);
            }
            if (registerAs != null) {
                draft.registerAs(registerAs);
            }
            parse(params).forEach(draft::param);
            TrainingJob job = draft.submit();
            boolean json = connection.output == Output.Format.json;
            var out = spec.commandLine().getOut();
            if (!follow) {
                print(out, json, Map.of("job_id", job.id(), "status", job.status()));
                return;
            }
            if (!json) {
                out.println("job " + job.id() + " submitted");
            }
            Progress progress = new Progress(spec.commandLine().getErr(), !json);
            try (var lines = job.logs()) {
                lines.forEach(line -> {
                    if (!progress.fromLogLine(line) && !json) {
                        progress.done();
                        out.println(line);
                    }
                });
            }
            progress.done();
            TrainingResult r = job.await(timeout);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("job_id", job.id());
            doc.put("run_id", r.run().id());
            doc.put("metrics", r.metrics());
            if (r.modelVersion() != null) {
                doc.put("model", r.modelVersion().modelName());
                doc.put("model_version", r.modelVersion().version());
            }
            print(out, json, doc);
        }
    }

    private static void print(java.io.PrintWriter out, boolean json, Map<String, ?> doc) {
        if (json) {
            Output.json(out, doc);
        } else {
            doc.forEach((k, v) -> out.printf("%-14s %s%n", k, v));
        }
    }

    /** {@code name=value} pairs; numbers and booleans stay strings: the algorithm's parameter types convert them. */
    static Map<String, Object> parse(List<String> pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--param", p, "must be name=value");
            }
            out.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return out;
    }
}
