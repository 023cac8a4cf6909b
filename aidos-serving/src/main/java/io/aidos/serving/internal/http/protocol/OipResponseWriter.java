package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aidos.api.Prediction;
import io.aidos.serving.internal.signature.ModelSignature;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes an OIP inference response straight to bytes, one output tensor after the other (see {@link OipOutputs}). */
final class OipResponseWriter {
    private OipResponseWriter() {
    }

    static byte[] write(String modelName, String modelVersion, String id, List<Prediction> predictions,
                        ModelSignature signature, Set<String> requested) {
        Set<String> asked = requested == null ? Set.of() : requested;
        List<String> answered = OipOutputs.answered(signature, predictions);
        OipOutputs.check(asked, answered);
        List<String> chosen = OipOutputs.chosen(answered, asked);
        List<String> labels = chosen.contains(OipOutputs.SCORES)
                ? ScoreLabels.of(predictions, !signature.tabular()) : List.of();
        int n = predictions.size();
        int sizeHint = 256 + n * (24 * chosen.size() + 22 * labels.size());
        return JsonBodies.write(sizeHint, json -> {
            json.writeStartObject();
            json.writeStringField("model_name", modelName);
            if (modelVersion != null) {
                json.writeStringField("model_version", modelVersion);
            }
            if (id != null) {
                json.writeStringField("id", id);
            }
            json.writeArrayFieldStart("outputs");
            for (String name : chosen) {
                if (name.equals(OipOutputs.LABEL)) {
                    writeLabels(json, predictions);
                } else if (name.equals(OipOutputs.SCORES)) {
                    if (!labels.isEmpty() || asked.contains(OipOutputs.SCORES)) {
                        writeScores(json, predictions, labels);
                    }
                } else {
                    writeValues(json, name, predictions);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void start(JsonGenerator json, String name, String datatype, int... shape) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("datatype", datatype);
        json.writeFieldName("shape");
        json.writeArray(shape, 0, shape.length);
    }

    private static void writeLabels(JsonGenerator json, List<Prediction> predictions) throws IOException {
        start(json, OipOutputs.LABEL, "BYTES", predictions.size());
        json.writeArrayFieldStart("data");
        for (Prediction p : predictions) {
            json.writeString(p.label());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeValues(JsonGenerator json, String name, List<Prediction> predictions)
            throws IOException {
        start(json, name, "FP64", predictions.size());
        json.writeArrayFieldStart("data");
        for (Prediction p : predictions) {
            JsonBodies.number(json, p.value());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** FP64 [N, K], row-major, K in label order; a label a prediction does not score is null. */
    private static void writeScores(JsonGenerator json, List<Prediction> predictions, List<String> labels)
            throws IOException {
        start(json, OipOutputs.SCORES, "FP64", predictions.size(), labels.size());
        json.writeObjectFieldStart("parameters");
        json.writeArrayFieldStart("labels");
        for (String label : labels) {
            json.writeString(label);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("data");
        for (Prediction p : predictions) {
            Map<String, Double> scores = p.scores();
            for (String label : labels) {
                Double s = scores.get(label);
                if (s == null) {
                    json.writeNull();
                } else {
                    JsonBodies.number(json, s);
                }
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
