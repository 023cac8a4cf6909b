package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aidos.api.Prediction;
import io.aidos.serving.internal.signature.ModelSignature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an OIP inference response straight to bytes, one output tensor after the other (see {@link OipOutputs}).
 * An output answered as binary data has {@code parameters.binary_data_size} instead of {@code data}, and its bytes
 * follow the JSON in output order: labels as BYTES (a 4-byte little-endian length, then UTF-8), values and scores as
 * little-endian FP64, a score the prediction lacks as NaN.
 */
final class OipResponseWriter {
    private OipResponseWriter() {
    }

    static OipAnswer write(String modelName, String modelVersion, String id, List<Prediction> predictions,
                           ModelSignature signature, Set<String> requested, BinaryOutputs binary) {
        Set<String> asked = requested == null ? Set.of() : requested;
        List<String> answered = OipOutputs.answered(signature, predictions);
        OipOutputs.check(asked, answered);
        List<String> chosen = OipOutputs.chosen(answered, asked);
        List<String> labels = chosen.contains(OipOutputs.SCORES)
                ? ScoreLabels.of(predictions, !signature.tabular()) : List.of();
        int n = predictions.size();
        int sizeHint = 256 + n * (24 * chosen.size() + 22 * labels.size());
        ByteArrayOutputStream tail = binary.any() ? new ByteArrayOutputStream(n * 8 * (1 + labels.size()))
                : null;
        byte[] head = JsonBodies.write(sizeHint, json -> {
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
                ByteArrayOutputStream to = binary.of(name) ? tail : null;
                if (name.equals(OipOutputs.LABEL)) {
                    writeLabels(json, predictions, to);
                } else if (name.equals(OipOutputs.SCORES)) {
                    if (!labels.isEmpty() || asked.contains(OipOutputs.SCORES)) {
                        writeScores(json, predictions, labels, to);
                    }
                } else {
                    writeValues(json, name, predictions, to);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        if (tail == null || !anyBinary(chosen, binary)) {
            return new OipAnswer(head, -1);
        }
        byte[] body = Arrays.copyOf(head, head.length + tail.size());
        System.arraycopy(tail.toByteArray(), 0, body, head.length, tail.size());
        return new OipAnswer(body, head.length);
    }

    private static boolean anyBinary(List<String> chosen, BinaryOutputs binary) {
        for (String name : chosen) {
            if (binary.of(name)) {
                return true;
            }
        }
        return false;
    }

    /** Ends an output: its values in {@code data}, or, to {@code binary}, their size in its parameters. */
    private static void finish(JsonGenerator json, ValueWriter values, ByteArrayOutputStream binary,
                               BinaryWriter bytes) throws IOException {
        if (binary == null) {
            json.writeArrayFieldStart("data");
            values.write();
            json.writeEndArray();
        } else {
            int before = binary.size();
            bytes.write(binary);
            json.writeObjectFieldStart("parameters");
            json.writeNumberField("binary_data_size", binary.size() - before);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private interface ValueWriter {
        void write() throws IOException;
    }

    private interface BinaryWriter {
        void write(ByteArrayOutputStream out);
    }

    private static void start(JsonGenerator json, String name, String datatype, int... shape) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("datatype", datatype);
        json.writeFieldName("shape");
        json.writeArray(shape, 0, shape.length);
    }

    private static void writeLabels(JsonGenerator json, List<Prediction> predictions, ByteArrayOutputStream binary)
            throws IOException {
        start(json, OipOutputs.LABEL, "BYTES", predictions.size());
        finish(json, () -> {
            for (Prediction p : predictions) {
                json.writeString(p.label());
            }
        }, binary, out -> {
            for (Prediction p : predictions) {
                byte[] utf8 = p.label() == null ? new byte[0] : p.label().getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(utf8.length).array());
                out.writeBytes(utf8);
            }
        });
    }

    private static void writeValues(JsonGenerator json, String name, List<Prediction> predictions,
                                    ByteArrayOutputStream binary) throws IOException {
        start(json, name, "FP64", predictions.size());
        finish(json, () -> {
            for (Prediction p : predictions) {
                JsonBodies.number(json, p.value());
            }
        }, binary, out -> {
            ByteBuffer values = ByteBuffer.allocate(Double.BYTES * predictions.size()).order(ByteOrder.LITTLE_ENDIAN);
            for (Prediction p : predictions) {
                values.putDouble(p.value());
            }
            out.writeBytes(values.array());
        });
    }

    /** FP64 [N, K], row-major, K in label order; a label a prediction does not score is null (NaN in binary). */
    private static void writeScores(JsonGenerator json, List<Prediction> predictions, List<String> labels,
                                    ByteArrayOutputStream binary) throws IOException {
        start(json, OipOutputs.SCORES, "FP64", predictions.size(), labels.size());
        json.writeObjectFieldStart("parameters");
        json.writeArrayFieldStart("labels");
        for (String label : labels) {
            json.writeString(label);
        }
        json.writeEndArray();
        if (binary == null) {
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
        } else {
            ByteBuffer values = ByteBuffer.allocate(Double.BYTES * predictions.size() * labels.size())
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (Prediction p : predictions) {
                Map<String, Double> scores = p.scores();
                for (String label : labels) {
                    Double s = scores.get(label);
                    values.putDouble(s == null ? Double.NaN : s);
                }
            }
            binary.writeBytes(values.array());
            json.writeNumberField("binary_data_size", values.capacity());
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
