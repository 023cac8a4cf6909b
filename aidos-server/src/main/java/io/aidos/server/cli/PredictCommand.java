package io.aidos.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aidos predict MODEL [--version V] (-f name=value ... | --json '{...}' | --input rows.json | --input -)}:
 * loads the model in-process and prints one prediction per row. {@code aidos predict --deployment NAME ...} asks a
 * running deployment instead (one request for all rows). JSON input is one object or an array of objects.
 */
@Command(name = "predict", description = "Predict with a registered model, or with a running deployment.")
final class PredictCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;
    @Parameters(arity = "0..1", description = "Model name (or --deployment).")
    String model;
    @Option(names = "--deployment", description = "A running deployment to ask instead of loading a model.")
    String deployment;
    @Option(names = "--routing-key", description = "With --deployment: rows with the same key reach the same variant.")
    String routingKey;
    @Option(names = "--json", description = "The rows as JSON: one object or an array of objects.")
    String json;
    @Option(names = "--version", defaultValue = "latest", description = "Version number or alias (default: latest).")
    String version;
    @Option(names = {"-f", "--feature"}, description = "name=value, repeatable: one row.")
    List<String> features = List.of();
    @Option(names = "--input", description = "A JSON file of one row object or an array of them; - for stdin.")
    String input;

    @Override
    public void run() {
        if ((model == null) == (deployment == null)) {
            throw new InvalidInputException("model", model, "give either a model name or --deployment NAME");
        }
        List<Map<String, Object>> rows = rows();
        try (AiDos aidos = connection.open()) {
            if (deployment != null) {
                print(predict(aidos.deployer().get(deployment), rows));
                return;
            }
            var registered = aidos.models().get(model);
            var mv = version.equals("latest") ? registered.latestVersion()
                    : version.chars().allMatch(Character::isDigit) ? registered.version(Integer.parseInt(version))
                    : registered.byAlias(version);
            try (Predictor p = aidos.models().load(mv)) {
                print(p.predictAll(rows));
            }
        }
    }

    private List<Prediction> predict(Deployment d, List<Map<String, Object>> rows) {
        if (routingKey == null) {
            return d.predictAll(rows);
        }
        List<Prediction> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            out.add(d.predict(row, routingKey));
        }
        return out;
    }

    private void print(List<Prediction> out) {
        if (connection.output == Output.Format.json) {
            Output.json(spec.commandLine().getOut(), out);
        } else {
            for (Prediction pr : out) {
                spec.commandLine().getOut().println(pr.label() != null
                        ? pr.label() + (pr.scores().isEmpty() ? "" : "  " + pr.scores())
                        : String.valueOf(pr.value()));
            }
        }
    }

    private List<Map<String, Object>> rows() {
        int given = (features.isEmpty() ? 0 : 1) + (json == null ? 0 : 1) + (input == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidInputException("features", null, given == 0
                    ? "are required: -f name=value ..., --json '{...}' or --input FILE"
                    : "come from one of -f, --json and --input, not several");
        }
        if (json != null) {
            try {
                return rows(JSON.readTree(json), "--json");
            } catch (IOException e) {
                throw new InvalidInputException("--json", abbreviate(json), "is not JSON: " + e.getMessage());
            }
        }
        if (input == null) {
            return List.of(new LinkedHashMap<>(TrainCommand.parse(features)));
        }
        try (InputStream in = input.equals("-") ? System.in : Files.newInputStream(Path.of(input))) {
            return rows(JSON.readTree(in), "--input");
        } catch (IOException e) {
            throw new InvalidInputException("--input", input, "is not readable JSON: " + e.getMessage());
        }
    }

    private List<Map<String, Object>> rows(JsonNode doc, String option) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (doc != null && doc.isArray()) {
            doc.forEach(n -> rows.add(object(n, option)));
        } else {
            rows.add(object(doc, option));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(JsonNode node, String option) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(option, option.equals("--json") ? abbreviate(json) : input,
                    "must hold a JSON object or an array of objects");
        }
        return JSON.convertValue(node, Map.class);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
