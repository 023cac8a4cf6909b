package io.aidos.training.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.Column;
import io.aidos.api.ColumnType;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a row into a dense feature vector, the same way at training and prediction time (it is stored in the model's
 * descriptor). Numbers and booleans are standardised with the training mean and standard deviation, and a missing
 * number becomes the mean (0 after scaling). Text columns are one-hot encoded over their
 * {@value #MAX_CATEGORIES} most frequent training values; a missing or unseen value sets no slot.
 */
public final class FeatureEncoder {
    public static final int MAX_CATEGORIES = 100;

    /** One input column and how it is encoded: numeric ({@code categories} empty) or one-hot. */
    public record Feature(String column, ColumnType type, double mean, double scale, List<String> categories) {
        public Feature {
            categories = List.copyOf(categories);
        }

        boolean numeric() {
            return type != ColumnType.STRING;
        }

        int width() {
            return numeric() ? 1 : categories.size();
        }
    }

    private final List<Feature> features;
    private final List<Map<String, Integer>> slots = new ArrayList<>();
    private final int width;

    public FeatureEncoder(List<Feature> features) {
        this.features = List.copyOf(features);
        int w = 0;
        for (Feature f : features) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < f.categories().size(); i++) {
                m.put(f.categories().get(i), i);
            }
            slots.add(m);
            w += f.width();
        }
        this.width = w;
    }

    /** Learns means, scales and categories from the training rows. */
    public static FeatureEncoder fit(List<Row> rows, List<Column> inputs) {
        List<Feature> out = new ArrayList<>();
        for (Column c : inputs) {
            if (c.type() == ColumnType.STRING) {
                Map<String, Integer> counts = new HashMap<>();
                for (Row r : rows) {
                    Object v = r.get(c.name());
                    if (v != null) {
                        counts.merge(v.toString(), 1, Integer::sum);
                    }
                }
                List<String> top = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(MAX_CATEGORIES).map(Map.Entry::getKey).sorted().toList();
                out.add(new Feature(c.name(), c.type(), 0, 1, top));
            } else {
                double sum = 0;
                double sumSq = 0;
                long n = 0;
                for (Row r : rows) {
                    Double v = r.getDouble(c.name());
                    if (v != null && Double.isFinite(v)) {
                        sum += v;
                        sumSq += v * v;
                        n++;
                    }
                }
                double mean = n == 0 ? 0 : sum / n;
                double variance = n == 0 ? 0 : Math.max(0, sumSq / n - mean * mean);
                double std = Math.sqrt(variance);
                out.add(new Feature(c.name(), c.type(), mean, std > 1e-12 ? std : 1, List.of()));
            }
        }
        return new FeatureEncoder(out);
    }

    public int width() {
        return width;
    }

    public List<Feature> features() {
        return features;
    }

    /** The input columns with their types, as predictors report them. */
    public List<Column> inputs() {
        return features.stream().map(f -> new Column(f.column(), f.type())).toList();
    }

    /** One name per vector slot: the column, or {@code column=value} for a one-hot slot. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(width);
        for (Feature f : features) {
            if (f.numeric()) {
                names.add(f.column());
            } else {
                f.categories().forEach(c -> names.add(f.column() + "=" + c));
            }
        }
        return names;
    }

    public double[] encode(Row row) {
        return encode(row::get).x();
    }

    /** A row's vector, and how many features it gave a non-null value. */
    public record Encoded(double[] x, int given) {
    }

    /**
     * Encodes features given by column name; numbers may come as numbers, booleans or numeric strings. The count of
     * features given lets a caller see without a second pass over a wide row that it holds no other key.
     */
    public Encoded encode(Map<String, ?> row) {
        return encode(row::get);
    }

    private Encoded encode(Function<String, Object> valueOf) {
        double[] x = new double[width];
        int at = 0;
        int given = 0;
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            Object v = valueOf.apply(f.column());
            if (v != null) {
                given++;
            }
            if (f.numeric()) {
                Double d = toDouble(f.column(), v);
                x[at] = d == null || !Double.isFinite(d) ? 0 : (d - f.mean()) / f.scale();
            } else if (v != null) {
                Integer slot = slots.get(i).get(v.toString());
                if (slot != null) {
                    x[at + slot] = 1;
                }
            }
            at += f.width();
        }
        return new Encoded(x, given);
    }

    private static Double toDouble(String column, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        String s = v.toString().trim();
        if (s.isEmpty() || s.equals("NA")) {
            return null;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s) ? 1.0 : 0.0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("feature " + column, v, "must be a number");
        }
    }

    public JsonNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Feature f : features) {
            ObjectNode o = array.addObject();
            o.put("column", f.column());
            o.put("type", f.type().name());
            if (f.numeric()) {
                o.put("mean", f.mean());
                o.put("scale", f.scale());
            } else {
                ArrayNode cats = o.putArray("categories");
                f.categories().forEach(cats::add);
            }
        }
        return array;
    }

    public static FeatureEncoder fromJson(JsonNode array) {
        List<Feature> out = new ArrayList<>();
        for (JsonNode o : array) {
            List<String> cats = new ArrayList<>();
            if (o.has("categories")) {
                o.get("categories").forEach(c -> cats.add(c.asText()));
            }
            out.add(new Feature(o.get("column").asText(), ColumnType.valueOf(o.get("type").asText()),
                    o.path("mean").asDouble(0), o.path("scale").asDouble(1), cats));
        }
        return new FeatureEncoder(out);
    }
}
