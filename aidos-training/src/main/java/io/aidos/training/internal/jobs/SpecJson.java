package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.AiDosException;
import io.aidos.api.EarlyStopping;
import io.aidos.api.Goal;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Job specs and results as the JSON stored in the jobs table. A {@code train} spec is the {@link TrainingSpec}'s
 * fields plus, for a tuning trial, {@value #PARENT_RUN_ID} (absent in ordinary train jobs). A {@code tune} spec is
 * the {@link TuningSpec} with its search space as a list of {@code {name, kind, low, high, choices}}.
 */
public final class SpecJson {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The optional field of a train spec that makes its run a child run (a tuning trial). */
    static final String PARENT_RUN_ID = "parentRunId";

    private SpecJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AiDosException("could not write job JSON: " + e.getMessage(), e);
        }
    }

    /** A train job's spec; {@code parentRunId} may be null. */
    static String writeTraining(TrainingSpec spec, String parentRunId) {
        ObjectNode node = JSON.valueToTree(spec);
        if (parentRunId != null) {
            node.put(PARENT_RUN_ID, parentRunId);
        }
        return write(node);
    }

    /** The training spec of a train job (its parent run id, if any, left out). */
    public static TrainingSpec training(String json) {
        JsonNode node = tree(json);
        if (node instanceof ObjectNode object) {
            object.remove(PARENT_RUN_ID);
        }
        return convert(node, TrainingSpec.class);
    }

    /** The parent run id of a train job (a tuning trial), or null. */
    static String parentRunId(String json) {
        JsonNode parent = tree(json).get(PARENT_RUN_ID);
        return parent == null || parent.isNull() ? null : parent.asText();
    }

    static String writeTuning(TuningSpec spec) {
        ObjectNode node = JSON.createObjectNode();
        node.set("base", JSON.valueToTree(spec.base()));
        ArrayNode space = node.putArray("space");
        for (SearchSpace.Dimension d : spec.space().dimensions()) {
            ObjectNode dim = space.addObject();
            dim.put("name", d.name());
            dim.put("kind", d.kind().name());
            dim.put("low", d.low());
            dim.put("high", d.high());
            if (d.kind() == SearchSpace.Kind.CHOICE) {
                dim.set("choices", JSON.valueToTree(d.choices()));
            }
        }
        node.put("objective", spec.objective());
        node.put("goal", spec.goal().name());
        node.put("maxTrials", spec.maxTrials());
        node.put("parallelism", spec.parallelism());
        node.put("strategy", spec.strategy().name());
        node.put("earlyStopping", spec.earlyStopping().name());
        return write(node);
    }

    public static TuningSpec tuning(String json) {
        JsonNode node = tree(json);
        SearchSpace.Builder space = SearchSpace.builder();
        for (JsonNode dim : node.path("space")) {
            String name = dim.get("name").asText();
            double low = dim.get("low").asDouble();
            double high = dim.get("high").asDouble();
            switch (SearchSpace.Kind.valueOf(dim.get("kind").asText())) {
                case INT -> space.intRange(name, (long) low, (long) high);
                case UNIFORM -> space.range(name, low, high);
                case LOG_UNIFORM -> space.logRange(name, low, high);
                case CHOICE -> {
                    List<Object> choices = new ArrayList<>();
                    dim.get("choices").forEach(c -> choices.add(scalar(c)));
                    space.choice(name, choices.toArray());
                }
            }
        }
        return new TuningSpec(convert(node.get("base"), TrainingSpec.class), space.build(),
                node.get("objective").asText(), Goal.valueOf(node.get("goal").asText()),
                node.get("maxTrials").asInt(), node.get("parallelism").asInt(),
                SearchStrategy.valueOf(node.get("strategy").asText()),
                EarlyStopping.valueOf(node.get("earlyStopping").asText()));
    }

    /** A JSON scalar as the Java value a spec holds: Long, Double, Boolean or String. */
    static Object scalar(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asText();
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AiDosException("stored job JSON is not valid: " + e.getMessage(), e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new AiDosException("stored job spec is not a valid " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
