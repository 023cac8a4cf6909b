package io.aidos.serving.internal.http.protocol;

import java.util.List;

/**
 * The bodies of KServe's V1 data plane that differ from MLflow's: the model list and a model's status. Requests and
 * predictions have MLflow's {@code instances} / {@code inputs} and {@code predictions} shape ({@link MlflowCodec}).
 */
public final class KserveV1Codec {
    private KserveV1Codec() {
    }

    /** {@code {"models": [names]}}. */
    public static byte[] models(List<String> names) {
        return JsonBodies.write(32 + 24 * names.size(), json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("models");
            for (String name : names) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code {"name", "ready"}}. */
    public static byte[] status(String name, boolean ready) {
        return JsonBodies.write(48 + name.length(), json -> {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeBooleanField("ready", ready);
            json.writeEndObject();
        });
    }
}
