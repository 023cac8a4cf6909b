package io.aidos.core.internal.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aidos.api.Column;
import io.aidos.api.ColumnStats;
import io.aidos.api.ColumnType;
import io.aidos.api.DatasetSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema and statistics as stored JSON. Doubles are kept as text so NaN and infinities survive; min/max come back
 * typed by the column's type.
 */
final class DatasetJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetJson() {
    }

    static String schema(DatasetSchema schema) {
        ArrayNode arr = JSON.createArrayNode();
        schema.columns().forEach(c -> arr.addObject().put("name", c.name()).put("type", c.type().name()));
        return arr.toString();
    }

    static DatasetSchema schema(String json) {
        List<Column> columns = new ArrayList<>();
        read(json).forEach(n -> columns.add(new Column(n.get("name").asText(), ColumnType.valueOf(n.get("type").asText()))));
        return new DatasetSchema(columns);
    }

    static String stats(List<ColumnStats> stats) {
        ArrayNode arr = JSON.createArrayNode();
        for (ColumnStats s : stats) {
            ObjectNode o = arr.addObject().put("name", s.name()).put("type", s.type().name()).put("count", s.count())
                    .put("nulls", s.nulls()).put("distinct", s.distinct());
            o.put("min", s.min() == null ? null : s.min().toString());
            o.put("max", s.max() == null ? null : s.max().toString());
            o.put("mean", s.mean() == null ? null : s.mean().toString());
        }
        return arr.toString();
    }

    static List<ColumnStats> stats(String json) {
        List<ColumnStats> out = new ArrayList<>();
        for (JsonNode n : read(json)) {
            ColumnType type = ColumnType.valueOf(n.get("type").asText());
            out.add(new ColumnStats(n.get("name").asText(), type, n.get("count").asLong(), n.get("nulls").asLong(),
                    n.get("distinct").asLong(), typed(n.get("min"), type), typed(n.get("max"), type),
                    n.get("mean").isNull() ? null : Double.parseDouble(n.get("mean").asText())));
        }
        return out;
    }

    private static Object typed(JsonNode n, ColumnType type) {
        if (n == null || n.isNull()) {
            return null;
        }
        String text = n.asText();
        return switch (type) {
            case LONG -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case STRING -> text;
        };
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored dataset metadata is not valid JSON", e);
        }
    }
}
