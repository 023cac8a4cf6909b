package io.aidos.training.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.HashMap;

/**
 * The target column in model terms: classification labels as indices into the sorted label list, regression values
 * standardised (so SGD learning rates work whatever the units) and scaled back on prediction. Null for the
 * unsupervised tasks.
 */
public final class TargetEncoder {
    private final Task task;
    private final String column;
    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();
    private final double mean;
    private final double scale;

    private TargetEncoder(Task task, String column, List<String> labels, double mean, double scale) {
        this.task = task;
        this.column = column;
        this.labels = List.copyOf(labels);
        for (int i = 0; i < this.labels.size(); i++) {
            index.put(this.labels.get(i), i);
        }
        this.mean = mean;
        this.scale = scale;
    }

    public static TargetEncoder classification(String column, List<Object> values) {
        TreeSet<String> seen = new TreeSet<>();
        values.forEach(v -> seen.add(v.toString()));
        return new TargetEncoder(Task.CLASSIFICATION, column, new ArrayList<>(seen), 0, 1);
    }

    public static TargetEncoder regression(String column, double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double m = values.length == 0 ? 0 : sum / values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - m) * (v - m);
        }
        double std = values.length == 0 ? 1 : Math.sqrt(sq / values.length);
        return new TargetEncoder(Task.REGRESSION, column, List.of(), m, std > 1e-12 ? std : 1);
    }

    public String column() {
        return column;
    }

    /** The labels in index order (classification). */
    public List<String> labels() {
        return labels;
    }

    /** The label's index, or -1 for a label not seen in training. */
    public int labelIndex(Object value) {
        Integer i = index.get(value.toString());
        return i == null ? -1 : i;
    }

    public double encodeValue(double v) {
        return (v - mean) / scale;
    }

    public double decodeValue(double encoded) {
        return encoded * scale + mean;
    }

    public JsonNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("column", column);
        if (task == Task.CLASSIFICATION) {
            labels.forEach(o.putArray("labels")::add);
        } else {
            o.put("mean", mean);
            o.put("scale", scale);
        }
        return o;
    }

    public static TargetEncoder fromJson(Task task, JsonNode o) {
        List<String> labels = new ArrayList<>();
        o.path("labels").forEach(l -> labels.add(l.asText()));
        return new TargetEncoder(task, o.get("column").asText(), labels, o.path("mean").asDouble(0),
                o.path("scale").asDouble(1));
    }
}
