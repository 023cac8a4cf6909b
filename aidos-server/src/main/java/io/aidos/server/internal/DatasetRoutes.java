package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;

import io.aidos.api.Dataset;
import io.aidos.api.DatasetSplit;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Row;
import io.aidos.spi.Arguments;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Datasets: list, get, versions with streaming upload, metadata, schema, stats, split sizes and row downloads. */
final class DatasetRoutes {
    private static final String TAG = "datasets";
    private static final String VERSION = "/api/v1/datasets/{name}/versions/{version}";

    private final ServerContext server;
    private final DatasetUpload upload;

    DatasetRoutes(ServerContext server) {
        this.server = server;
        this.upload = new DatasetUpload(server);
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/datasets", TAG, "List datasets", ctx -> Json.ok(ctx,
                        server.aidos(ctx).datasets().list().stream().map(Views::dataset).toList())),
                get("/api/v1/datasets/{name}", TAG, "Get a dataset", ctx -> Json.ok(ctx, Views.dataset(dataset(ctx)))),
                post("/api/v1/datasets/{name}/versions", TAG, "Create a dataset (create=true) or its next version from"
                        + " a streamed CSV, JSON Lines, rows or IDX body", upload::handle).body(ApiRoute.Body.STREAM),
                get("/api/v1/datasets/{name}/versions", TAG, "List a dataset's versions, oldest first", ctx -> Json.ok(
                        ctx, dataset(ctx).versions().stream().map(Views::version).toList())),
                get(VERSION, TAG, "Get a version's metadata (schema included); version may be 'latest'",
                        ctx -> Json.ok(ctx, Views.version(version(ctx)))),
                get(VERSION + "/schema", TAG, "Get a version's schema", ctx -> Json.ok(ctx,
                        version(ctx).schema().columns())),
                get(VERSION + "/stats", TAG, "Get a version's per-column statistics", ctx -> Json.ok(ctx,
                        version(ctx).stats())),
                get(VERSION + "/split", TAG, "Row counts of a reproducible train/test split (fraction, seed)",
                        this::split),
                get(VERSION + "/rows", TAG, "Stream rows as CSV (format=csv) or JSON Lines of value arrays"
                        + " (format=jsonl, optionally one side of split=train|test with fraction and seed)", this::rows)
                        .produces(ApiRoute.Produces.JSON_LINES));
    }

    private Dataset dataset(Context ctx) {
        return server.aidos(ctx).datasets().get(ctx.pathParam("name"));
    }

    private DatasetVersion version(Context ctx) {
        String v = ctx.pathParam("version");
        Dataset d = dataset(ctx);
        return v.equals("latest") ? d.latest() : d.version(Params.intValue("version", v));
    }

    private DatasetSplit splitOf(Context ctx, DatasetVersion v) {
        double fraction = Params.doubleValue("fraction", ctx.queryParam("fraction"));
        long seed = Params.longValue("seed", ctx.queryParam("seed"));
        return v.split(fraction, seed);
    }

    private void split(Context ctx) {
        DatasetSplit s = splitOf(ctx, version(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_rows", s.train().rowCount());
        m.put("test_rows", s.test().rowCount());
        Json.ok(ctx, m);
    }

    private void rows(Context ctx) throws IOException {
        DatasetVersion v = version(ctx);
        String format = ctx.queryParam("format") == null ? "jsonl" : ctx.queryParam("format");
        String side = ctx.queryParam("split");
        if (format.equals("csv")) {
            if (side != null) {
                throw new InvalidInputException("split", side, "is only available with format=jsonl");
            }
            Path tmp = Files.createTempFile("aidos-export-", ".csv");
            try {
                v.exportCsv(tmp);
                ctx.status(200).contentType("text/csv; charset=utf-8");
                try (OutputStream out = ctx.outputStream()) {
                    Files.copy(tmp, out);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return;
        }
        if (!format.equals("jsonl")) {
            throw new InvalidInputException("format", format, "must be csv or jsonl");
        }
        Stream<Row> rows;
        if (side == null) {
            rows = v.rows();
        } else {
            DatasetSplit s = splitOf(ctx, v);
            rows = switch (side) {
                case "train" -> s.train().rows();
                case "test" -> s.test().rows();
                default -> throw new InvalidInputException("split", side, "must be train or test");
            };
        }
        ctx.status(200).contentType("application/x-ndjson");
        try (rows; OutputStream out = ctx.outputStream()) {
            RowWriter.write(rows, out);
        }
    }

    static String sourceName(Context ctx, String fallback) {
        String s = ctx.queryParam("source_name");
        return s == null ? fallback : Arguments.displayName("source_name", s);
    }
}
