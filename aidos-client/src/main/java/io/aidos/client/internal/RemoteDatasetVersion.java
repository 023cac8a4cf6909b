package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.Column;
import io.aidos.api.ColumnStats;
import io.aidos.api.ColumnType;
import io.aidos.api.DatasetSchema;
import io.aidos.api.DatasetSplit;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Row;
import io.aidos.spi.Arguments;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** An immutable dataset version on the server: metadata held, stats fetched once, rows streamed. */
final class RemoteDatasetVersion implements DatasetVersion {
    private final Rest rest;
    private final String dataset;
    private final int version;
    private final String message;
    private final Instant createdAt;
    private final DatasetSchema schema;
    private final long rowCount;
    private final String contentHash;
    private final long sizeBytes;
    private volatile List<ColumnStats> stats;

    private RemoteDatasetVersion(Rest rest, JsonNode n) {
        this.rest = rest;
        this.dataset = n.get("dataset_name").asText();
        this.version = n.get("version").asInt();
        this.message = n.path("message").isNull() ? null : n.path("message").asText(null);
        this.createdAt = Json.instant(n.get("created_at"));
        List<Column> columns = new ArrayList<>();
        n.get("schema").forEach(c -> columns.add(new Column(c.get("name").asText(),
                ColumnType.valueOf(c.get("type").asText()))));
        this.schema = new DatasetSchema(columns);
        this.rowCount = n.get("row_count").asLong();
        this.contentHash = n.get("content_hash").asText();
        this.sizeBytes = n.get("size_bytes").asLong();
    }

    static RemoteDatasetVersion of(Rest rest, JsonNode n) {
        return new RemoteDatasetVersion(rest, n);
    }

    HttpUrl.Builder url(String... more) {
        HttpUrl.Builder b = rest.url("datasets", dataset, "versions", Integer.toString(version));
        for (String s : more) {
            b.addPathSegment(s);
        }
        return b;
    }

    @Override
    public String datasetName() {
        return dataset;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public String contentHash() {
        return contentHash;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public List<ColumnStats> stats() {
        List<ColumnStats> s = stats;
        if (s == null) {
            List<ColumnStats> out = new ArrayList<>();
            for (JsonNode c : rest.get(url("stats"))) {
                ColumnType type = ColumnType.valueOf(c.get("type").asText());
                out.add(new ColumnStats(c.get("name").asText(), type, c.get("count").asLong(), c.get("nulls").asLong(),
                        c.get("distinct").asLong(), RowReader.value(c.get("min"), type),
                        RowReader.value(c.get("max"), type), c.get("mean").isNull() ? null : Json.number(c.get("mean"))));
            }
            stats = s = List.copyOf(out);
        }
        return s;
    }

    @Override
    public Stream<Row> rows() {
        return RowReader.stream(rest, url("rows").addQueryParameter("format", "jsonl"), schema);
    }

    @Override
    public DatasetSplit split(double trainFraction, long seed) {
        JsonNode counts = rest.get(url("split").addQueryParameter("fraction", Double.toString(trainFraction))
                .addQueryParameter("seed", Long.toString(seed)));
        return new RemoteSplit(this, trainFraction, seed, counts.get("train_rows").asLong(),
                counts.get("test_rows").asLong());
    }

    Stream<Row> rows(String side, double fraction, long seed) {
        return RowReader.stream(rest, url("rows").addQueryParameter("format", "jsonl").addQueryParameter("split", side)
                .addQueryParameter("fraction", Double.toString(fraction)).addQueryParameter("seed",
                        Long.toString(seed)), schema);
    }

    @Override
    public void exportCsv(Path target) {
        Arguments.notNull("target", target);
        rest.transport.send(new Request.Builder().url(url("rows").addQueryParameter("format", "csv").build()).get()
                .build(), r -> {
                    try (InputStream in = r.body().byteStream()) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return null;
                });
    }

    @Override
    public String toString() {
        return "DatasetVersion{" + dataset + " v" + version + "}";
    }
}
