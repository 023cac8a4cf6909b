package io.aidos.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDos;
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
 * {@code aidos predict MODEL [--version V] (-f name=value ... | --input rows.json | --input -)}: loads the model
 * in-process and prints one prediction per row. JSON input is one object or an array of objects.
 */
@Command(name = "predict", description = "Predict with a registered model.")
final class PredictCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;
    @Parameters(description = "Model name.")
    String model;
    @Option(names = "--version", defaultValue = "latest", description = "Version number or alias (default: latest).")
    String version;
    @Option(names = {"-f", "--feature"}, description = "name=value, repeatable: one row.")
    List<String> features = List.of();
    @Option(names = "--input", description = "A JSON file of one row object or an array of them; - for stdin.")
    String input;

    @Override
    public void run() {
        List<Map<String, Object>> rows = rows();
        try (AiDos aidos = connection.open()) {
            var registered = aidos.models().get(model);
            var mv = version.equals("latest") ? registered.latestVersion()
                    : version.chars().allMatch(Character::isDigit) ? registered.version(Integer.parseInt(version))
                    : registered.byAlias(version);
            try (Predictor p = aidos.models().load(mv)) {
                List<Prediction> out = p.predictAll(rows);
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
        }
    }

    private List<Map<String, Object>> rows() {
        if (input == null) {
            if (features.isEmpty()) {
                throw new InvalidInputException("features", null, "are required: -f name=value ... or --input FILE");
            }
            return List.of(new LinkedHashMap<>(TrainCommand.parse(features)));
        }
        try (InputStream in = input.equals("-") ? System.in : Files.newInputStream(Path.of(input))) {
            JsonNode doc = JSON.readTree(in);
            List<Map<String, Object>> rows = new ArrayList<>();
            if (doc != null && doc.isArray()) {
                doc.forEach(n -> rows.add(object(n)));
            } else {
                rows.add(object(doc));
            }
            return rows;
        } catch (IOException e) {
            throw new InvalidInputException("--input", input, "is not readable JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("--input", input, "must hold a JSON object or an array of objects");
        }
        return JSON.convertValue(node, Map.class);
    }
}
