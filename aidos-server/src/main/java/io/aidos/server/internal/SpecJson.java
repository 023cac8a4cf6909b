package io.aidos.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.EarlyStopping;
import io.aidos.api.Goal;
import io.aidos.api.InvalidInputException;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training and tuning specs on the wire (the client has the mirror image). */
final class SpecJson {

    private SpecJson() {
    }

    static Object training(TrainingSpec spec) {
        return spec; // a record: Jackson writes its components in snake_case
    }

    static Map<String, Object> tuning(TuningSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", spec.base());
        List<Map<String, Object>> dims = new ArrayList<>();
        for (SearchSpace.Dimension d : spec.space().dimensions()) {
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("name", d.name());
            dim.put("kind", d.kind());
            dim.put("low", d.low());
            dim.put("high", d.high());
            dim.put("choices", d.choices());
            dims.add(dim);
        }
        m.put("space", dims);
        m.put("objective", spec.objective());
        m.put("goal", spec.goal());
        m.put("max_trials", spec.maxTrials());
        m.put("parallelism", spec.parallelism());
        m.put("strategy", spec.strategy());
        m.put("early_stopping", spec.earlyStopping());
        return m;
    }

    static TrainingSpec trainingSpec(JsonNode node) {
        TrainingSpec spec = Json.convert(node, TrainingSpec.class);
        if (spec.dataset() == null || spec.algorithm() == null) {
            throw new InvalidInputException("spec", node.toString(), "must name a dataset and an algorithm");
        }
        return spec;
    }

    static TuningSpec tuningSpec(JsonNode node) {
        TrainingSpec base = trainingSpec(required(node, "base"));
        SearchSpace.Builder space = SearchSpace.builder();
        for (JsonNode d : required(node, "space")) {
            String name = d.path("name").asText();
            double low = d.path("low").asDouble();
            double high = d.path("high").asDouble();
            switch (SearchSpace.Kind.valueOf(d.path("kind").asText())) {
                case INT -> space.intRange(name, (long) low, (long) high);
                case UNIFORM -> space.range(name, low, high);
                case LOG_UNIFORM -> space.logRange(name, low, high);
                case CHOICE -> space.choice(name, Json.convert(d.path("choices"), Object[].class));
                default -> throw new InvalidInputException("space kind", d.path("kind").asText(), "is unknown");
            }
        }
        return new TuningSpec(base, space.build(), required(node, "objective").asText(),
                Goal.valueOf(required(node, "goal").asText()), required(node, "max_trials").asInt(),
                required(node, "parallelism").asInt(), SearchStrategy.valueOf(required(node, "strategy").asText()),
                EarlyStopping.valueOf(required(node, "early_stopping").asText()));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidInputException(field, null, "is required");
        }
        return v;
    }
}
