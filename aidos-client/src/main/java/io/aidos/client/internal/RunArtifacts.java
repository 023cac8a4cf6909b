package io.aidos.client.internal;

import io.aidos.api.ArtifactInfo;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** A run's artifacts over HTTP: uploads stream the file (a PUT, so retried safely), downloads are buffered. */
final class RunArtifacts {
    private static final MediaType BINARY = MediaType.get("application/octet-stream");
    private final Rest rest;
    private final String runId;

    RunArtifacts(Rest rest, String runId) {
        this.rest = rest;
        this.runId = runId;
    }

    void upload(String path, Path file) {
        put(path, RequestBody.create(file.toFile(), BINARY));
    }

    void upload(String path, byte[] content) {
        put(path, RequestBody.create(content, BINARY));
    }

    private void put(String path, RequestBody body) {
        rest.transport.send(new Request.Builder().url(rest.url("runs", runId, "artifact")
                .addQueryParameter("path", path).build()).put(body).build(), HttpTransport::json);
    }

    List<ArtifactInfo> list() {
        List<ArtifactInfo> out = new ArrayList<>();
        rest.get(rest.url("runs", runId, "artifacts")).forEach(n -> out.add(new ArtifactInfo(n.get("path").asText(),
                n.get("size_bytes").asLong(), n.get("sha256").asText())));
        return out;
    }

    /** The artifact's bytes; a temp file for big ones would be next, but artifacts here are model-sized. */
    InputStream open(String path) {
        return rest.transport.send(new Request.Builder().url(rest.url("runs", runId, "artifact")
                .addQueryParameter("path", path).build()).get().build(), r -> new java.io.ByteArrayInputStream(
                        r.body().bytes()));
    }

    /** Copies the artifact to {@code target}, streaming. */
    void download(String path, Path target) {
        rest.transport.send(new Request.Builder().url(rest.url("runs", runId, "artifact")
                .addQueryParameter("path", path).build()).get().build(), r -> {
                    try (InputStream in = r.body().byteStream()) {
                        java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    return null;
                });
    }
}
