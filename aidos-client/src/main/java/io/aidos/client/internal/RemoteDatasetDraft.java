package io.aidos.client.internal;

import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.spi.Arguments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A version being made, uploaded at {@link #commit}: files and streams are streamed as the request body (never read
 * whole into memory), rows are sent as JSON. The server imports; nothing is stored unless it succeeds. Not retried:
 * a dataset commit is a POST without an idempotency key.
 */
final class RemoteDatasetDraft implements DatasetDraft {
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private final Rest rest;
    private final String name;
    private final boolean create;
    private String description;
    private Set<String> nullTokens;
    private String format;
    private String sourceName;
    private RequestBody body;
    private Path images;
    private Path labels;
    private Path file;
    private int maxRows = Integer.MAX_VALUE;

    RemoteDatasetDraft(Rest rest, String name, boolean create) {
        this.rest = rest;
        this.name = name;
        this.create = create;
    }

    @Override
    public DatasetDraft description(String description) {
        this.description = Arguments.text("description", description);
        return this;
    }

    @Override
    public DatasetDraft fromCsv(Path file) {
        Arguments.notNull("file", file);
        return source("csv", String.valueOf(file.getFileName()), file, null);
    }

    @Override
    public DatasetDraft fromCsv(InputStream csv, String sourceName) {
        Arguments.notNull("csv", csv);
        return source("csv", Arguments.displayName("sourceName", sourceName), null, stream(csv));
    }

    @Override
    public DatasetDraft fromJsonLines(Path file) {
        Arguments.notNull("file", file);
        return source("jsonl", String.valueOf(file.getFileName()), file, null);
    }

    @Override
    public DatasetDraft fromRows(List<Map<String, Object>> rows) {
        List<Map<String, Object>> copy = List.copyOf(Arguments.notNull("rows", rows));
        for (Map<String, Object> row : copy) {
            if (row.keySet().stream().anyMatch(java.util.Objects::isNull)) { // Map.of rows reject containsKey(null)
                throw new InvalidInputException("column", null, "must not be null (rows need named columns)");
            }
        }
        return source("rows", "rows", null, RequestBody.create(Json.write(copy), Rest.JSON));
    }

    @Override
    public DatasetDraft fromIdx(Path images, Path labels) {
        return fromIdx(images, labels, Integer.MAX_VALUE);
    }

    @Override
    public DatasetDraft fromIdx(Path images, Path labels, int maxRows) {
        if (maxRows < 1) {
            throw new InvalidInputException("maxRows", maxRows, "must be >= 1");
        }
        Arguments.notNull("images", images);
        Arguments.notNull("labels", labels);
        source("idx", String.valueOf(images.getFileName()), null, null);
        this.images = images;
        this.labels = labels;
        this.maxRows = maxRows;
        return this;
    }

    @Override
    public DatasetDraft nullValues(Set<String> tokens) {
        this.nullTokens = Set.copyOf(Arguments.notNull("tokens", tokens));
        return this;
    }

    private DatasetDraft source(String format, String sourceName, Path file, RequestBody body) {
        if (this.format != null) {
            throw new InvalidInputException("source", format, "is a second source; a version has exactly one");
        }
        this.format = format;
        this.sourceName = sourceName;
        this.file = file;
        this.body = body;
        return this;
    }

    @Override
    public DatasetVersion commit(String message) {
        Arguments.text("message", message);
        if (format == null) {
            throw new InvalidInputException("source", null, "must be set with fromCsv, fromJsonLines, fromRows or fromIdx");
        }
        HttpUrl.Builder url = rest.url("datasets", name, "versions").addQueryParameter("format", format)
                .addQueryParameter("create", Boolean.toString(create)).addQueryParameter("source_name", sourceName);
        if (message != null) {
            url.addQueryParameter("message", message);
        }
        if (description != null) {
            url.addQueryParameter("description", description);
        }
        if (nullTokens != null) {
            url.addQueryParameter("null_values", "set");
            nullTokens.forEach(t -> url.addQueryParameter("null_value", t));
        }
        RequestBody content = body;
        if (file != null) {
            requireFile(file);
            content = RequestBody.create(file.toFile(), OCTETS);
        } else if (images != null) {
            requireFile(images);
            requireFile(labels);
            url.addQueryParameter("images_bytes", Long.toString(images.toFile().length()));
            if (maxRows != Integer.MAX_VALUE) {
                url.addQueryParameter("max_rows", Integer.toString(maxRows));
            }
            content = concat(images, labels);
        }
        RequestBody send = content;
        return RemoteDatasetVersion.of(rest, rest.transport.send(new Request.Builder().url(url.build()).post(send)
                .build(), HttpTransport::json));
    }

    private static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("file", p, "does not exist");
        }
    }

    private static RequestBody stream(InputStream in) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTETS;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (Source source = Okio.source(in)) {
                    sink.writeAll(source);
                }
            }
        };
    }

    private static RequestBody concat(Path first, Path second) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTETS;
            }

            @Override
            public long contentLength() {
                return first.toFile().length() + second.toFile().length();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (Source a = Okio.source(first); Source b = Okio.source(second)) {
                    sink.writeAll(a);
                    sink.writeAll(b);
                }
            }
        };
    }
}
