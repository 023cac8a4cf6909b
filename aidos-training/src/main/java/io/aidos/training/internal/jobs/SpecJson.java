package io.aidos.training.internal.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDosException;
import io.aidos.api.TrainingSpec;

/** Job specs and results as the JSON stored in the jobs table. */
public final class SpecJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private SpecJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AiDosException("could not write job JSON: " + e.getMessage(), e);
        }
    }

    public static TrainingSpec training(String json) {
        return read(json, TrainingSpec.class);
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AiDosException("stored job JSON is not valid: " + e.getMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AiDosException("stored job spec is not a valid " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
