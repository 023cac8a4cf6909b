package io.aidos.server.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aidos.api.DatasetDraft;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/datasets/{name}/versions}: the body goes straight into the importer (CSV), or to a temp file
 * for the sources the API reads from files (JSON Lines, IDX); never whole into memory except {@code format=rows},
 * whose rows the client holds in memory anyway. Query: {@code create}, {@code format}, {@code message},
 * {@code description}, {@code source_name}, {@code null_value} (repeated; with {@code null_values=set}),
 * {@code images_bytes} and {@code max_rows} (IDX).
 */
final class DatasetUpload {
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };
    private final ServerContext server;

    DatasetUpload(ServerContext server) {
        this.server = server;
    }

    void handle(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        boolean create = "true".equals(ctx.queryParam("create"));
        DatasetDraft draft = create ? server.aidos(ctx).datasets().create(name)
                : server.aidos(ctx).datasets().get(name).newVersion();
        String description = ctx.queryParam("description");
        if (description != null) {
            draft.description(description);
        }
        if ("set".equals(ctx.queryParam("null_values"))) {
            draft.nullValues(new HashSet<>(ctx.queryParams("null_value")));
        }
        String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
        String message = ctx.queryParam("message");
        DatasetVersion v;
        switch (format) {
            case "csv" -> {
                try (InputStream in = Limits.limited(ctx, server.uploadLimit())) {
                    v = draft.fromCsv(in, DatasetRoutes.sourceName(ctx, "upload.csv")).commit(message);
                }
            }
            case "jsonl" -> v = viaFile(ctx, ".jsonl", file -> draft.fromJsonLines(file).commit(message));
            case "rows" -> {
                List<Map<String, Object>> rows;
                try (InputStream in = Limits.limited(ctx, server.jsonLimit())) {
                    rows = Json.MAPPER.readValue(in, ROWS);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new InvalidInputException("body", "malformed JSON rows: " + e.getOriginalMessage(), e);
                }
                v = draft.fromRows(rows).commit(message);
            }
            case "idx" -> v = idx(ctx, draft, message);
            default -> throw new InvalidInputException("format", format, "must be csv, jsonl, rows or idx");
        }
        Json.respond(ctx, 201, Views.version(v));
    }

    private DatasetVersion idx(Context ctx, DatasetDraft draft, String message) throws IOException {
        long imagesBytes = Params.longValue("images_bytes", ctx.queryParam("images_bytes"));
        int maxRows = Params.intValue("max_rows", ctx.queryParam("max_rows"), Integer.MAX_VALUE);
        Path images = Files.createTempFile("aidos-upload-", ".idx");
        Path labels = Files.createTempFile("aidos-upload-", ".idx");
        try (InputStream in = Limits.limited(ctx, server.uploadLimit())) {
            try (OutputStream out = Files.newOutputStream(images)) {
                long copied = copy(in, out, imagesBytes);
                if (copied < imagesBytes) {
                    throw new InvalidInputException("images_bytes", imagesBytes, "is more than the body holds");
                }
            }
            Files.copy(in, labels, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return draft.fromIdx(images, labels, maxRows).commit(message);
        } finally {
            Files.deleteIfExists(images);
            Files.deleteIfExists(labels);
        }
    }

    private DatasetVersion viaFile(Context ctx, String suffix, FileImport importer) throws IOException {
        Path tmp = Files.createTempFile("aidos-upload-", suffix);
        try {
            try (InputStream in = Limits.limited(ctx, server.uploadLimit())) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw Limits.rethrow(e);
            }
            return importer.commit(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        while (total < max) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, max - total));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    @FunctionalInterface
    private interface FileImport {
        DatasetVersion commit(Path file);
    }
}
