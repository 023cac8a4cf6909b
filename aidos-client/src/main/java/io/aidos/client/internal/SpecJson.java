package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.EarlyStopping;
import io.aidos.api.Goal;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training and tuning specs on the wire (the server has the mirror image). */
final class SpecJson {

    private SpecJson() {
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

    static TrainingSpec training(JsonNode node) {
        return Json.convert(node, TrainingSpec.class);
    }

    static TuningSpec tuning(JsonNode node) {
        SearchSpace.Builder space = SearchSpace.builder();
        for (JsonNode d : node.get("space")) {
            String name = d.get("name").asText();
            double low = d.get("low").asDouble();
            double high = d.get("high").asDouble();
            switch (SearchSpace.Kind.valueOf(d.get("kind").asText())) {
                case INT -> space.intRange(name, (long) low, (long) high);
                case UNIFORM -> space.range(name, low, high);
                case LOG_UNIFORM -> space.logRange(name, low, high);
                case CHOICE -> space.choice(name, Json.convert(d.get("choices"), Object[].class));
                default -> throw new IllegalStateException("unknown search dimension kind " + d.get("kind"));
            }
        }
        return new TuningSpec(training(node.get("base")), space.build(), node.get("objective").asText(),
                Goal.valueOf(node.get("goal").asText()), node.get("max_trials").asInt(),
                node.get("parallelism").asInt(), SearchStrategy.valueOf(node.get("strategy").asText()),
                EarlyStopping.valueOf(node.get("early_stopping").asText()));
    }
}
